using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Prow.Abstractions;
using Prow.Abstractions.PullRequests;
using Prow.TestSupport;
using Prow.TestSupport.Webhooks;

namespace Prow.Silo.Tests.Gateway;

/// <summary>
/// When an event's completion is persisted: at once when processing had effects outside the grain, else with the
/// grain's next write — so a crash right after effect-free processing repeats it, and one after effects does not.
/// </summary>
public sealed class InboxCompletionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly PullRequestKey Key = new("Codertocat", "Hello-World", 1);

    [Fact]
    public async Task EffectFreeProcessing_WritesOnceAndIsRepeatedAfterACrash()
    {
        var delivery = Guid.NewGuid().ToString();
        FreezableGrainStorage? storage = null;
        var first = await HookHost.StartAsync(_dir, new RecordingDispatcher(), configureSilo: silo =>
        {
            FreezableGrainStorage.Install(silo, s => storage = s);
            // No resume reminder tick (which saves a pending completion) between processing and the "crash".
            silo.Services.Configure<Prow.Grains.Webhooks.InboxOptions>(o => o.ResumePeriod = TimeSpan.FromHours(1));
        });
        await using (first)
        {
            await AcceptAsync(first, delivery);
            await Eventually.Until(() => first.Dispatcher.Count(delivery) == 1, TimeSpan.FromSeconds(10), "the event to be processed");
            await Eventually.Until(async () => await first.Grains.GetPullRequestGrain(Key).PendingCount() == 0, TimeSpan.FromSeconds(10), "the inbox to be empty");
            var grain = first.Grains.GetPullRequestGrain(Key).GetGrainId();
            Assert.Equal(1, storage!.Writes(grain)); // the accept only
            storage.Frozen = true; // "crash": nothing written from here on (deactivation's save is lost too)
        }

        var recorder = new RecordingDispatcher();
        var second = await HookHost.StartAsync(_dir, recorder);
        await using (second)
        {
            // Activating the grain (its reminder is an hour away) finds the event still pending in storage.
            await second.Grains.GetPullRequestGrain(Key).PendingCount();
            await Eventually.Until(() => recorder.Count(delivery) == 1, TimeSpan.FromSeconds(10), "the effect-free event to be processed again after the crash");
        }
    }

    [Fact]
    public async Task ProcessingWithEffects_SavesItsCompletionBeforeAnythingElse()
    {
        var delivery = Guid.NewGuid().ToString();
        FreezableGrainStorage? storage = null;
        var first = await HookHost.StartAsync(_dir, new RecordingDispatcher { MarkEffects = true }, configureSilo: silo => FreezableGrainStorage.Install(silo, s => storage = s));
        await using (first)
        {
            await AcceptAsync(first, delivery);
            var grain = first.Grains.GetPullRequestGrain(Key).GetGrainId();
            await Eventually.Until(() => storage!.Writes(grain) == 2, TimeSpan.FromSeconds(10), "the accept and the completion to be written");
            storage!.Frozen = true;
        }

        var recorder = new RecordingDispatcher();
        var second = await HookHost.StartAsync(_dir, recorder);
        await using (second)
        {
            Assert.Equal(0, await second.Grains.GetPullRequestGrain(Key).PendingCount());
            Assert.Equal(0, recorder.Count(delivery));
        }
    }

    [Fact]
    public async Task EffectFreeCompletion_IsSavedOnDeactivation()
    {
        var delivery = Guid.NewGuid().ToString();
        var first = await HookHost.StartAsync(_dir, new RecordingDispatcher());
        await using (first)
        {
            await AcceptAsync(first, delivery);
            await Eventually.Until(() => first.Dispatcher.Count(delivery) == 1, TimeSpan.FromSeconds(10), "the event to be processed");
            await Eventually.Until(async () => await first.Grains.GetPullRequestGrain(Key).PendingCount() == 0, TimeSpan.FromSeconds(10), "the inbox to be empty");
        }

        // A graceful stop deactivates the grain, which saves the completion: nothing is repeated.
        var recorder = new RecordingDispatcher();
        var second = await HookHost.StartAsync(_dir, recorder);
        await using (second)
        {
            Assert.Equal(0, await second.Grains.GetPullRequestGrain(Key).PendingCount());
            Assert.Equal(0, recorder.Count(delivery));
        }
    }

    private static async Task AcceptAsync(HookHost host, string delivery)
    {
        var payload = WebhookExamples.Get("issue_comment", "created").ToJsonString();
        using var response = await host.Http.SendAsync(SignedWebhook.Create("issue_comment", payload, HookHost.Secret, delivery));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
