using Prow.Abstractions.Webhooks;

namespace Prow.Grains.Webhooks;

/// <summary>
/// The pure rules of a webhook inbox (no I/O): accept once per delivery ID, process in order,
/// retry a failing head entry with backoff, give up after the configured attempts.
/// </summary>
public static class InboxLedger
{
    /// <summary>Adds the event unless its delivery ID was seen; trims the remembered IDs to <paramref name="capacity"/>.</summary>
    public static AcceptResult Accept(InboxState state, WebhookEvent webhook, int capacity)
    {
        var recent = RecentSet(state);
        var key = InboxState.KeyOf(webhook.DeliveryId);
        if (recent.Contains(key) || state.Pending.Exists(e => e.Event.DeliveryId == webhook.DeliveryId))
            return AcceptResult.Duplicate;
        state.Pending.Add(InboxEntry.For(webhook));
        state.RecentDeliveryKeys.Add(key);
        recent.Add(key);
        var excess = state.RecentDeliveryKeys.Count - Math.Max(capacity, 1);
        if (excess > 0)
        {
            for (var i = 0; i < excess; i++) recent.Remove(state.RecentDeliveryKeys[i]);
            state.RecentDeliveryKeys.RemoveRange(0, excess);
        }
        return AcceptResult.Accepted;
    }

    /// <summary>The lookup set of the remembered deliveries; first moves IDs an older version stored as text into the keys.</summary>
    private static HashSet<Guid> RecentSet(InboxState state)
    {
        if (state.RecentDeliveries.Count > 0)
        {
            // Older IDs come first: they are the older deliveries.
            state.RecentDeliveryKeys.InsertRange(0, state.RecentDeliveries.Select(InboxState.KeyOf));
            state.RecentDeliveries.Clear();
            state.RecentDeliverySet = null;
        }
        return state.RecentDeliverySet ??= [.. state.RecentDeliveryKeys];
    }

    /// <summary>The entry to process now, or null (with the time it becomes due, if any).</summary>
    public static InboxEntry? Next(InboxState state, DateTimeOffset now, out DateTimeOffset? dueAt)
    {
        dueAt = null;
        if (state.Pending.Count == 0) return null;
        var head = state.Pending[0];
        if (head.NotBefore is { } notBefore && notBefore > now)
        {
            dueAt = notBefore;
            return null;
        }
        return head;
    }

    public static void Complete(InboxState state, InboxEntry entry)
    {
        if (state.Pending.Remove(entry)) state.Completed++;
    }

    /// <summary>Records a failed attempt. Returns false when the entry has used up its attempts (the caller gives up on it).</summary>
    public static bool Fail(InboxState state, InboxEntry entry, DateTimeOffset now, int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        entry.Attempts++;
        if (entry.Attempts >= maxAttempts)
        {
            Complete(state, entry);
            return false;
        }
        var delay = TimeSpan.FromTicks(Math.Min(maxDelay.Ticks, baseDelay.Ticks * (1L << Math.Min(entry.Attempts - 1, 30))));
        entry.NotBefore = now + delay;
        return true;
    }
}
