using Microsoft.Extensions.DependencyInjection;
using Prow.Abstractions.Config;
using Prow.Abstractions.PluginHelp;
using Prow.Grains.Plugins;
using Prow.Grains.Ports;

namespace Prow.Grains.Tests.Plugins;

public class PluginServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddProwPlugins_WiresTheDispatcherWithHold()
    {
        var gitHub = new RecordingGitHub();
        using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IGitHub>(gitHub)
            .AddSingleton<IConfigSource>(new TestConfigSource("plugins:\n  Codertocat: [hold]\n"))
            .AddSingleton<IExternalPluginSender>(new RecordingExternalPluginSender())
            .AddProwPlugins()
            .BuildServiceProvider();

        await services.GetRequiredService<IPluginDispatcher>().DispatchAsync(DispatcherHarness.Webhook("issue_comment", CommentPayloads.OnPullRequest("/hold")));

        Assert.Equal(["AddLabels Codertocat/Hello-World#1 do-not-merge/hold"], gitHub.Writes);
        Assert.Equal(["hold", "trigger"], services.GetRequiredService<PluginCatalog>().All.Select(p => p.Name));
        Assert.IsType<PluginHelpBuilder>(services.GetRequiredService<IPluginHelpProvider>());
    }
}
