using System.Net;
using System.Text.Json.Nodes;

namespace Prow.TestSupport.FakeGitHub;

/// <summary>What a route handler answers; list bodies are paginated by the server (per_page, page, Link).</summary>
internal sealed record FakeResponse(int Status, JsonNode? Body = null)
{
    public static FakeResponse Ok(JsonNode body) => new(200, body);

    public static FakeResponse Created(JsonNode body) => new(201, body);

    public static FakeResponse NoContent() => new(204);

    public static FakeResponse NotFound() => Error(HttpStatusCode.NotFound, "Not Found");

    public static FakeResponse Error(HttpStatusCode status, string message) =>
        new((int)status, new JsonObject { ["message"] = message, ["documentation_url"] = "https://docs.github.com/rest" });
}
