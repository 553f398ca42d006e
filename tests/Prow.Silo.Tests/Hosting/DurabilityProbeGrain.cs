namespace Prow.Silo.Tests.Hosting;

[Alias("prow.tests.IDurabilityProbeGrain")]
public interface IDurabilityProbeGrain : IGrainWithStringKey
{
    [Alias("SetValue")] Task SetValue(string value);

    [Alias("GetState")] Task<DurabilityProbeState> GetState();

    [Alias("StartReminder")] Task StartReminder(TimeSpan period);

    [Alias("HasReminder")] Task<bool> HasReminder();
}

[GenerateSerializer]
[Alias("prow.tests.DurabilityProbeState")]
public sealed class DurabilityProbeState
{
    [Id(0)] public string? Value { get; set; }

    /// <summary>Reminder ticks received, persisted on each tick.</summary>
    [Id(1)] public int Ticks { get; set; }
}

/// <summary>A grain that persists a value and counts reminder ticks, to prove both survive a restart.</summary>
public sealed class DurabilityProbeGrain([PersistentState("probe")] IPersistentState<DurabilityProbeState> state)
    : Grain, IDurabilityProbeGrain, IRemindable
{
    public const string ReminderName = "probe";

    public async Task SetValue(string value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }

    public Task<DurabilityProbeState> GetState() => Task.FromResult(state.State);

    public Task StartReminder(TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, period, period);

    public async Task<bool> HasReminder() => await this.GetReminder(ReminderName) is not null;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Ticks++;
        await state.WriteStateAsync();
    }
}
