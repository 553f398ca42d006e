using Prow.Grains.Plugins;

namespace Prow.Grains.Tests.Plugins;

public class PluginResponsesTests
{
    private const string Footer =
        "Instructions for interacting with me using PR comments are available [here](https://git.k8s.io/community/contributors/guide/pull-requests.md).  " +
        "If you have questions or suggestions related to my behavior, please file an issue against the " +
        "[kubernetes-sigs/prow](https://github.com/kubernetes-sigs/prow/issues/new?title=Prow%20issue:) repository.";

    [Fact]
    public void FormatResponseRaw_MentionsQuotesAndEndsWithProwsDetails()
    {
        var reply = PluginResponses.FormatResponseRaw("/lgtm\nthanks", "https://github.com/o/r/pull/1#issuecomment-1", "alice", "you cannot LGTM your own PR.");

        Assert.Equal(
            "@alice: you cannot LGTM your own PR.\n\n<details>\n\nIn response to [this](https://github.com/o/r/pull/1#issuecomment-1):\n\n>/lgtm\n>thanks\n\n\n" +
            Footer + "\n</details>",
            reply);
    }

    [Fact]
    public void FormatSimpleResponse_HasOnlyTheFooter()
    {
        Assert.Equal("done\n\n<details>\n\n" + Footer + "\n</details>", PluginResponses.FormatSimpleResponse("done"));
    }

    [Fact]
    public void AboutThisBot_AddsTheCommandsLink()
    {
        Assert.Equal(Footer + " I understand the commands that are listed [here](https://go.k8s.io/bot-commands).", PluginResponses.AboutThisBot);
    }
}
