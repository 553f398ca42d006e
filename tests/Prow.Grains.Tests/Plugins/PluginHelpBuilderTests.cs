using System.Text.Json;
using Prow.Abstractions.Config.Plugins;
using Prow.Grains.Plugins;
using Prow.Grains.Plugins.Hold;

namespace Prow.Grains.Tests.Plugins;

public class PluginHelpBuilderTests
{
    private const string Yaml = """
        plugins:
          Codertocat:
            plugins: [hold, lgtm]
          Codertocat/Hello-World:
            plugins: [size]
          other/repo: [hold]
        external_plugins:
          Codertocat:
          - name: needs-rebase
            events: [pull_request]
          other/repo:
          - name: cherrypicker
        """;

    private sealed class ConfigurablePlugin : IPlugin
    {
        public string Name => "size";
        public string Description => "sizes";
        public IReadOnlyList<string> Events => [PluginEvents.PullRequest, PluginEvents.Issues];
        public IReadOnlyDictionary<string, string>? DescribeConfig(PluginsConfig config, IReadOnlyList<string> enabledIn) =>
            enabledIn.ToDictionary(r => r, r => "configured for " + r);
    }

    private static JsonElement HelpJson()
    {
        var builder = new PluginHelpBuilder(new PluginCatalog([new HoldPlugin(), new ConfigurablePlugin()]), new TestConfigSource(Yaml));
        var help = builder.GetHelpAsync().GetAwaiter().GetResult();
        return JsonDocument.Parse(JsonSerializer.Serialize(help)).RootElement;
    }

    [Fact]
    public void TopLevel_HasProwsFieldNames()
    {
        var root = HelpJson();

        Assert.Equal(["AllRepos", "RepoPlugins", "RepoExternalPlugins", "PluginHelp", "ExternalPluginHelp"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["Codertocat/Hello-World", "other/repo"], root.GetProperty("AllRepos").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void RepoPlugins_ListEveryPluginUnderEmptyKey_AndTheConfigPerScope()
    {
        var root = HelpJson();

        var repoPlugins = root.GetProperty("RepoPlugins");
        Assert.Equal(["hold", "size"], Strings(repoPlugins.GetProperty("")));
        Assert.Equal(["hold", "lgtm"], Strings(repoPlugins.GetProperty("Codertocat")));
        Assert.Equal(["size"], Strings(repoPlugins.GetProperty("Codertocat/Hello-World")));
        var external = root.GetProperty("RepoExternalPlugins");
        Assert.Equal(["cherrypicker", "needs-rebase"], Strings(external.GetProperty("")));
        Assert.Equal(["needs-rebase"], Strings(external.GetProperty("Codertocat")));
        Assert.Empty(root.GetProperty("ExternalPluginHelp").EnumerateObject());
    }

    [Fact]
    public void HoldHelp_IsProws()
    {
        var hold = HelpJson().GetProperty("PluginHelp").GetProperty("hold");

        Assert.Equal(["Description", "Config", "Events", "Commands"], hold.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            "The hold plugin allows anyone to add or remove the 'do-not-merge/hold' Label from a pull request in order to temporarily prevent the PR from merging without withholding approval.",
            hold.GetProperty("Description").GetString());
        Assert.Equal(JsonValueKind.Null, hold.GetProperty("Config").ValueKind);
        Assert.Equal(["GenericCommentEvent (any event for user text)"], Strings(hold.GetProperty("Events")));
        var command = Assert.Single(hold.GetProperty("Commands").EnumerateArray());
        Assert.Equal(["Usage", "Featured", "Description", "Examples", "WhoCanUse"], command.EnumerateObject().Select(p => p.Name));
        Assert.Equal("/[remove-][un]hold [cancel]", command.GetProperty("Usage").GetString());
        Assert.False(command.GetProperty("Featured").GetBoolean());
        Assert.Equal("Adds or removes the `do-not-merge/hold` Label which is used to indicate that the PR should not be automatically merged.",
            command.GetProperty("Description").GetString());
        Assert.Equal(["/hold", "/hold cancel", "/unhold", "/remove-hold"], Strings(command.GetProperty("Examples")));
        Assert.Equal("Anyone can use the /hold command to add or remove the 'do-not-merge/hold' Label.", command.GetProperty("WhoCanUse").GetString());
    }

    [Fact]
    public void PluginWithoutCommands_HasNullCommands_ProwEventNames_AndItsConfigText()
    {
        var size = HelpJson().GetProperty("PluginHelp").GetProperty("size");

        Assert.Equal(JsonValueKind.Null, size.GetProperty("Commands").ValueKind);
        Assert.Equal(["pull_request", "issue"], Strings(size.GetProperty("Events")));
        Assert.Equal("configured for Codertocat/Hello-World", size.GetProperty("Config").GetProperty("Codertocat/Hello-World").GetString());
    }

    private static IEnumerable<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString());
}
