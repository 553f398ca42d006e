using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prow.Abstractions.Webhooks;

namespace Prow.Grains.Webhooks;

/// <summary>
/// Base of the grains that own webhook events. <see cref="Accept"/> persists the event before it
/// returns (the gateway answers 200 only then); a drain loop, running as an interleaving grain timer
/// so new events are accepted while one is processed, handles the inbox in order and persists each
/// completion before anything else happens when processing had effects outside the grain
/// (<see cref="ProcessingEffects"/>); the completion of an event without such effects is written with
/// the grain's next write (a crash before it only repeats harmless work). A reminder exists while
/// events are pending, so a restart resumes them.
/// </summary>
public abstract class WebhookInboxGrain<TState> : Grain, IWebhookInbox, IRemindable
    where TState : class, IHasInbox, new()
{
    private const string ResumeReminder = "webhook-inbox";
    private readonly IPersistentState<TState> _state;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private IGrainTimer? _drainTimer;
    private bool _draining;
    private bool _reminderRegistered;
    private bool _completionUnsaved;

    protected WebhookInboxGrain(IPersistentState<TState> state, IOptions<InboxOptions> options, TimeProvider time, ILogger logger)
    {
        _state = state;
        Options = options.Value;
        Time = time;
        Logger = logger;
    }

    protected TState State => _state.State;
    protected InboxOptions Options { get; }
    protected TimeProvider Time { get; }
    protected ILogger Logger { get; }

    /// <summary>
    /// Handles one event. Throwing means "try again later" (with backoff, up to MaxAttempts). Effects outside the
    /// grain that must not be repeated after a crash are marked with <see cref="ProcessingEffects.Mark"/>.
    /// </summary>
    protected abstract Task ProcessAsync(WebhookEvent webhook, CancellationToken cancellationToken);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Inbox.Pending.Count > 0) ScheduleDrain(TimeSpan.Zero);
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<AcceptResult> Accept(WebhookEvent webhook)
    {
        var result = InboxLedger.Accept(State.Inbox, webhook, Options.RecentDeliveryCapacity);
        if (result == AcceptResult.Duplicate)
        {
            Logger.LogInformation("Delivery {DeliveryId} ({EventType}) already accepted by {Grain}; ignoring the redelivery",
                webhook.DeliveryId, webhook.EventType, this.GetPrimaryKeyString());
            return result;
        }
        await PersistAsync();
        if (!_reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(ResumeReminder, Options.ResumePeriod, Options.ResumePeriod);
            _reminderRegistered = true;
        }
        if (!_draining) ScheduleDrain(TimeSpan.Zero);
        return result;
    }

    public Task<int> PendingCount() => Task.FromResult(State.Inbox.Pending.Count);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_completionUnsaved)
        {
            try
            {
                await PersistAsync();
            }
            catch (Exception ex)
            {
                // Only work without effects is repeated after the next activation.
                Logger.LogWarning(ex, "Could not save completed events of {Grain} on deactivation; they will be processed again", this.GetPrimaryKeyString());
            }
        }
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ResumeReminder) return;
        _reminderRegistered = true;
        if (State.Inbox.Pending.Count > 0)
        {
            if (!_draining) ScheduleDrain(TimeSpan.Zero);
            return;
        }
        // The persisted inbox must be empty too before nothing brings the grain back after a restart.
        if (_completionUnsaved) await PersistAsync();
        if (await this.GetReminder(ResumeReminder) is { } reminder) await this.UnregisterReminder(reminder);
        _reminderRegistered = false;
    }

    /// <summary>Persists the grain state; writes are serialised because the drain loop interleaves with calls.</summary>
    protected async Task PersistAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            await WriteLockedAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The write itself (the caller holds the lock); every write carries the completions made so far.</summary>
    private async Task WriteLockedAsync()
    {
        var carried = _completionUnsaved;
        _completionUnsaved = false;
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            _completionUnsaved |= carried;
            throw;
        }
    }

    private void ScheduleDrain(TimeSpan due)
    {
        _drainTimer?.Dispose();
        _drainTimer = this.RegisterGrainTimer(static (grain, ct) => grain.DrainAsync(ct), this,
            new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (_draining) return;
        _draining = true;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var entry = InboxLedger.Next(State.Inbox, Time.GetUtcNow(), out var dueAt);
                if (entry is null)
                {
                    if (dueAt is { } at) ScheduleDrain(at - Time.GetUtcNow());
                    break;
                }
                var effects = ProcessingEffects.Begin();
                try
                {
                    await ProcessAsync(entry.Webhook, cancellationToken);
                    InboxLedger.Complete(State.Inbox, entry);
                    if (!effects.Marked)
                    {
                        _completionUnsaved = true;
                        continue;
                    }
                }
                catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException)
                {
                    // The payload itself is bad: retrying cannot help.
                    InboxLedger.Complete(State.Inbox, entry);
                    Logger.LogError(ex, "Dropping delivery {DeliveryId} ({EventType}) in {Grain}: its payload cannot be processed",
                        entry.Event.DeliveryId, entry.Event.EventType, this.GetPrimaryKeyString());
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    var retry = InboxLedger.Fail(State.Inbox, entry, Time.GetUtcNow(), Options.MaxAttempts, Options.RetryBaseDelay, Options.RetryMaxDelay);
                    if (retry)
                        Logger.LogWarning(ex, "Processing delivery {DeliveryId} ({EventType}) in {Grain} failed (attempt {Attempt}); retrying at {NotBefore}",
                            entry.Event.DeliveryId, entry.Event.EventType, this.GetPrimaryKeyString(), entry.Attempts, entry.NotBefore);
                    else
                        Logger.LogError(ex, "Giving up on delivery {DeliveryId} ({EventType}) in {Grain} after {Attempts} attempts",
                            entry.Event.DeliveryId, entry.Event.EventType, this.GetPrimaryKeyString(), entry.Attempts);
                }
                await PersistAsync();
            }
        }
        finally
        {
            _draining = false;
        }
    }
}
