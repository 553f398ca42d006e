using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prow.Abstractions.PluginHelp;

namespace Prow.Gateway.Endpoints;

/// <summary>
/// <c>GET /plugin-help.js</c>, as Deck serves it: Prow's <c>pluginhelp.Help</c> JSON, or with <c>?var=name</c>
/// the script <c>var name = {...};</c> that Deck's pages load. Not cached. The default encoder escapes
/// <c>&lt; &gt; &amp;</c> (as Go's encoder does), so the JSON is safe inside a script.
/// </summary>
public static partial class PluginHelpEndpoints
{
    public static IEndpointRouteBuilder MapPluginHelp(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/plugin-help.js", async (HttpContext http, IPluginHelpProvider provider) =>
        {
            var help = await provider.GetHelpAsync(http.RequestAborted);
            var json = JsonSerializer.Serialize(help);
            http.Response.Headers.CacheControl = "no-cache, no-store, must-revalidate";
            var variable = http.Request.Query["var"].ToString();
            if (variable.Length == 0) return Results.Text(json, "application/json");
            if (!JavaScriptIdentifier().IsMatch(variable)) return Results.BadRequest("var must be a JavaScript identifier");
            return Results.Text($"var {variable} = {json};", "application/javascript");
        });
        return endpoints;
    }

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex JavaScriptIdentifier();
}
