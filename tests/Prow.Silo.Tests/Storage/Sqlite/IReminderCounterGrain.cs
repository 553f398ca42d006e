using Orleans;

namespace Prow.Silo.Tests.Storage.Sqlite;

/// <summary>A test grain with persisted state that a reminder advances.</summary>
[Alias("prow.tests.storage.IReminderCounterGrain")]
public interface IReminderCounterGrain : IGrainWithStringKey
{
    [Alias("AddNote")]
    Task AddNote(string note);

    [Alias("GetState")]
    Task<CounterState> GetState();

    [Alias("StartTicking")]
    Task StartTicking(TimeSpan dueTime, TimeSpan period);

    [Alias("StopTicking")]
    Task StopTicking();

    [Alias("HasReminder")]
    Task<bool> HasReminder();
}
