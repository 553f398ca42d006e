using Orleans;
using Orleans.Runtime;

namespace Prow.Silo.Tests.Storage.Sqlite;

public sealed class ReminderCounterGrain(
    [PersistentState("counter")] IPersistentState<CounterState> state,
    ReminderTickProbe probe) : Grain, IReminderCounterGrain, IRemindable
{
    public const string ReminderName = "tick";

    public async Task AddNote(string note)
    {
        state.State.Notes.Add(note);
        await state.WriteStateAsync();
    }

    public Task<CounterState> GetState() => Task.FromResult(state.State);

    public Task StartTicking(TimeSpan dueTime, TimeSpan period) => this.RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public async Task StopTicking()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null) await this.UnregisterReminder(reminder);
    }

    public async Task<bool> HasReminder() => await this.GetReminder(ReminderName) is not null;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Count++;
        await state.WriteStateAsync();
        probe.Tick(this.GetPrimaryKeyString(), state.State.Count);
    }
}
