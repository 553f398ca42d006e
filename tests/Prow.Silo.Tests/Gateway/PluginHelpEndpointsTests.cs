using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Prow.Abstractions.Config;
using Prow.Abstractions.Config.Plugins;
using Prow.Abstractions.Config.Yaml;
using Prow.Gateway.Endpoints;
using Prow.Grains.Plugins;

namespace Prow.Silo.Tests.Gateway;

/// <summary>/plugin-help.js as the all-in-one host serves it: the gateway endpoint over the plugins registered by AddProwPlugins.</summary>
public sealed class PluginHelpEndpointsTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    private sealed class FixedConfig(ConfigSnapshot current) : IConfigSource
    {
        public ConfigSnapshot Current => current;
        public event Action<ConfigSnapshot>? Changed { add { } remove { } }
    }

    public async Task InitializeAsync()
    {
        var plugins = PluginsConfigLoader.Parse("plugins:\n  org/repo: [hold]\n", "plugins.yaml", new List<ConfigDiagnostic>())!;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<IConfigSource>(new FixedConfig(new ConfigSnapshot(new ProwConfig(), plugins, [], DateTimeOffset.UnixEpoch)));
        builder.Services.AddProwPlugins();
        _app = builder.Build();
        _app.MapPluginHelp();
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task PluginHelp_IsProwsHelpJson()
    {
        using var response = await _http.GetAsync("/plugin-help.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["org/repo"], json.RootElement.GetProperty("AllRepos").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["hold"], json.RootElement.GetProperty("RepoPlugins").GetProperty("org/repo").EnumerateArray().Select(e => e.GetString()));
        var usage = json.RootElement.GetProperty("PluginHelp").GetProperty("hold").GetProperty("Commands")[0].GetProperty("Usage").GetString();
        Assert.Equal("/[remove-][un]hold [cancel]", usage);
    }

    [Fact]
    public async Task VarQuery_WrapsTheJsonInAScript_AsDeck()
    {
        using var response = await _http.GetAsync("/plugin-help.js?var=allHelp");

        Assert.Equal("application/javascript", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("var allHelp = {\"AllRepos\":", text, StringComparison.Ordinal);
        Assert.EndsWith("};", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VarQuery_MustBeAnIdentifier()
    {
        using var response = await _http.GetAsync("/plugin-help.js?var=x%3Balert(1)");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
