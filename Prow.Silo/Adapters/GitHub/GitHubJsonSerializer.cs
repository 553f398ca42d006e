using System.Text.Json;
using Octokit.Internal;
using Prow.Abstractions.GitHub;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>Lets Octokit's <c>Connection</c> read and write our snake_case DTOs with System.Text.Json (<see cref="GitHubJson.Options"/>).</summary>
internal sealed class GitHubJsonSerializer : IJsonSerializer
{
    public string Serialize(object item) => JsonSerializer.Serialize(item, item.GetType(), GitHubJson.Options);

    public T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, GitHubJson.Options)!;
}
