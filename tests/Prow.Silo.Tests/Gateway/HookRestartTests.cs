using System.Net;
using Prow.Abstractions;
using Prow.Abstractions.PullRequests;
using Prow.TestSupport;
using Prow.TestSupport.Webhooks;

namespace Prow.Silo.Tests.Gateway;

/// <summary>Durable acceptance: an event accepted before a restart is processed after it, exactly once.</summary>
public sealed class HookRestartTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RestartBetweenAcceptAndProcessing_ProcessedExactlyOnceAfterRestart()
    {
        var delivery = Guid.NewGuid().ToString();
        var payload = WebhookExamples.Get("issue_comment", "created").ToJsonString();
        var key = new PullRequestKey("Codertocat", "Hello-World", 1);

        // First life: the plugin pipeline cannot finish, so the accepted event stays pending.
        var first = await HookHost.StartAsync(_dir, new RecordingDispatcher { Fail = true });
        await using (first)
        {
            using var response = await first.Http.SendAsync(SignedWebhook.Create("issue_comment", payload, HookHost.Secret, delivery));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(1, await first.Grains.GetPullRequestGrain(key).PendingCount());
        }

        // Second life on the same data dir: nobody calls the grain; its reminder brings it back.
        var recorder = new RecordingDispatcher();
        var second = await HookHost.StartAsync(_dir, recorder);
        await using (second)
        {
            await Eventually.Until(() => recorder.Count(delivery) >= 1, TimeSpan.FromSeconds(60), "the pending event to be processed after the restart");

            // A redelivery after the restart is recognised as a duplicate.
            using var again = await second.Http.SendAsync(SignedWebhook.Create("issue_comment", payload, HookHost.Secret, delivery));
            Assert.Equal("duplicate delivery; already accepted", (await again.Content.ReadAsStringAsync()).Trim());
            Assert.Equal(0, await second.Grains.GetPullRequestGrain(key).PendingCount());
            Assert.Equal(1, recorder.Count(delivery));
        }
    }

    [Fact]
    public async Task ScopedSecrets_RotationAndUnknownOrg()
    {
        const string secrets = """
            Codertocat:
            - value: new-token
              created_at: 2026-11-01T00:00:00Z
            - value: old-token
              created_at: 2025-11-01T00:00:00Z
            """;
        var host = await HookHost.StartAsync(_dir, hmac: secrets);
        await using (host)
        {
            var push = WebhookExamples.Get("push");
            foreach (var token in new[] { "new-token", "old-token" })
            {
                using var ok = await host.Http.SendAsync(SignedWebhook.Create("push", push.ToJsonString(), token));
                Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            }
            using var wrong = await host.Http.SendAsync(SignedWebhook.Create("push", push.ToJsonString(), HookHost.Secret));
            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);

            push["repository"]!["full_name"] = "octo-org/octo-repo";
            using var unknown = await host.Http.SendAsync(SignedWebhook.Create("push", push.ToJsonString(), "new-token"));
            Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
            Assert.Equal("no HMAC secret in --hmac-secret-file applies to octo-org/octo-repo", (await unknown.Content.ReadAsStringAsync()).Trim());
        }
    }
}
