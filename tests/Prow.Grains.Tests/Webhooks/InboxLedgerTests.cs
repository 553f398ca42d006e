using Prow.Abstractions.Webhooks;
using Prow.Grains.Webhooks;

namespace Prow.Grains.Tests.Webhooks;

public sealed class InboxLedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

    private static List<Guid> Keys(params string[] deliveryIds) => [.. deliveryIds.Select(InboxState.KeyOf)];

    private static WebhookEvent Event(string deliveryId) =>
        new("issue_comment", deliveryId, "{}", Now, new Dictionary<string, string>());

    [Fact]
    public void Accept_SameDeliveryTwice_SecondIsDuplicate_WhilePendingAndAfterCompletion()
    {
        var state = new InboxState();
        Assert.Equal(AcceptResult.Accepted, InboxLedger.Accept(state, Event("a"), capacity: 10));
        Assert.Equal(AcceptResult.Duplicate, InboxLedger.Accept(state, Event("a"), capacity: 10));

        InboxLedger.Complete(state, state.Pending[0]);
        Assert.Equal(AcceptResult.Duplicate, InboxLedger.Accept(state, Event("a"), capacity: 10));
        Assert.Empty(state.Pending);
        Assert.Equal(1, state.Completed);
    }

    [Fact]
    public void Accept_BeyondCapacity_ForgetsOnlyTheOldest()
    {
        var state = new InboxState();
        foreach (var id in new[] { "a", "b", "c", "d" }) InboxLedger.Accept(state, Event(id), capacity: 3);
        foreach (var entry in state.Pending.ToList()) InboxLedger.Complete(state, entry);

        Assert.Equal(Keys("b", "c", "d"), state.RecentDeliveryKeys);
        Assert.Equal(AcceptResult.Duplicate, InboxLedger.Accept(state, Event("b"), capacity: 3));
        Assert.Equal(AcceptResult.Duplicate, InboxLedger.Accept(state, Event("d"), capacity: 3));
        // "a" fell out of the record: a redelivery of it is new again, and pushes out "b".
        Assert.Equal(AcceptResult.Accepted, InboxLedger.Accept(state, Event("a"), capacity: 3));
        Assert.Equal(Keys("c", "d", "a"), state.RecentDeliveryKeys);
        Assert.Equal(AcceptResult.Accepted, InboxLedger.Accept(state, Event("b"), capacity: 3));
    }

    [Fact]
    public void Accept_StateReadBackFromStorage_StillKnowsItsDeliveries()
    {
        // As after a restart: the persisted keys are all there is; the lookup set is rebuilt from them.
        var state = new InboxState { RecentDeliveryKeys = Keys("x", "y") };
        Assert.Equal(AcceptResult.Duplicate, InboxLedger.Accept(state, Event("x"), capacity: 2));
        Assert.Equal(AcceptResult.Accepted, InboxLedger.Accept(state, Event("z"), capacity: 2));
        // "x" was pushed out by "z", so it is new again.
        Assert.Equal(AcceptResult.Accepted, InboxLedger.Accept(state, Event("x"), capacity: 2));
        Assert.Equal(Keys("z", "x"), state.RecentDeliveryKeys);
    }

    [Fact]
    public void Accept_StateOfAnOlderVersion_IdsAsText_RecognisedAndMovedIntoKeys()
    {
        var state = new InboxState { RecentDeliveries = ["old-1", "old-2"], RecentDeliveryKeys = Keys("new-1") };
        Assert.Equal(AcceptResult.Duplicate, InboxLedger.Accept(state, Event("old-2"), capacity: 10));
        Assert.Equal(AcceptResult.Duplicate, InboxLedger.Accept(state, Event("new-1"), capacity: 10));
        Assert.Empty(state.RecentDeliveries);
        Assert.Equal(AcceptResult.Accepted, InboxLedger.Accept(state, Event("new-2"), capacity: 3));
        // The text IDs were older than the keys; the oldest is the first to go.
        Assert.Equal(Keys("old-2", "new-1", "new-2"), state.RecentDeliveryKeys);
    }

    [Fact]
    public void KeyOf_SameIdSameKey_DifferentIdsDifferentKeys()
    {
        var id = "72d3162e-cc78-11e3-81ab-4c9367dc0958";
        Assert.Equal(InboxState.KeyOf(id), InboxState.KeyOf(new string(id)));
        Assert.NotEqual(InboxState.KeyOf(id), InboxState.KeyOf(id.ToUpperInvariant()));
        Assert.Equal(10_000, Enumerable.Range(0, 10_000).Select(i => InboxState.KeyOf(Guid.NewGuid().ToString())).Distinct().Count());
    }

    [Fact]
    public void Fail_BacksOffExponentially_ThenGivesUp()
    {
        var state = new InboxState();
        InboxLedger.Accept(state, Event("a"), capacity: 10);
        var entry = state.Pending[0];

        Assert.True(InboxLedger.Fail(state, entry, Now, maxAttempts: 3, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)));
        Assert.Equal(Now.AddSeconds(1), entry.NotBefore);
        Assert.Null(InboxLedger.Next(state, Now, out var dueAt));
        Assert.Equal(Now.AddSeconds(1), dueAt);
        Assert.Same(entry, InboxLedger.Next(state, Now.AddSeconds(1), out _));

        Assert.True(InboxLedger.Fail(state, entry, Now, maxAttempts: 3, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)));
        Assert.Equal(Now.AddSeconds(2), entry.NotBefore);
        Assert.False(InboxLedger.Fail(state, entry, Now, maxAttempts: 3, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)));
        Assert.Empty(state.Pending);
        Assert.Equal(1, state.Completed);
    }

    [Fact]
    public void Accept_StoresThePayloadPacked_AndGivesItBackWhole()
    {
        var payload = Prow.TestSupport.Webhooks.WebhookExamples.Get("issue_comment", "created").ToJsonString();
        var state = new InboxState();
        InboxLedger.Accept(state, Event("a") with { Payload = payload }, capacity: 10);
        var entry = state.Pending[0];

        Assert.Equal("", entry.Event.Payload);
        Assert.True(entry.PackedPayload!.Length < payload.Length / 3, $"{entry.PackedPayload.Length} bytes packed from {payload.Length}");
        Assert.Equal(payload, entry.Webhook.Payload);
        // As read back from storage: only the persisted members.
        var stored = new InboxEntry { Event = entry.Event, PackedPayload = entry.PackedPayload };
        Assert.Equal(Event("a") with { Payload = payload, Headers = entry.Event.Headers }, stored.Webhook);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF{\"bom\": true}")]
    [InlineData("{\"text\": \"caf\u00e9 \u2713 \ud83d\ude80\"}")]
    public void PackedPayload_RoundTripsExactly(string payload) =>
        Assert.Equal(payload, InboxEntry.Unpack(InboxEntry.Pack(payload)));

    [Fact]
    public void Entry_OfAnEarlierVersion_PayloadInTheEvent_IsUsedAsIs()
    {
        var old = new InboxEntry { Event = Event("a") with { Payload = "{\"old\": 1}" } };
        Assert.Equal("{\"old\": 1}", old.Webhook.Payload);
    }
}
