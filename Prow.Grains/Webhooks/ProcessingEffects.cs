namespace Prow.Grains.Webhooks;

/// <summary>
/// Whether processing the current inbox event did something outside its grain that must not happen twice (a
/// GitHub call, a forwarded webhook, a created or aborted ProwJob, a plugin failure). The inbox persists an event's
/// completion at once only then; an event whose processing had no such effect may be processed again after a crash,
/// harmlessly, so its completion mark rides along with the grain's next write (the next accepted event, the resume
/// reminder or deactivation) and a busy grain writes once per event instead of twice.
/// <para>
/// Ports with effects call <see cref="Mark"/> (the GitHub wrapper plugins get, the external plugin forwarder, the
/// ProwJob creator). Calls that are safe to repeat (idempotent by name or delivery ID) need not.
/// </para>
/// </summary>
public static class ProcessingEffects
{
    private static readonly AsyncLocal<Recorder?> Current = new();

    /// <summary>Starts recording for the event about to be processed (in the calling flow and everything it awaits).</summary>
    public static Recorder Begin()
    {
        var recorder = new Recorder();
        Current.Value = recorder;
        return recorder;
    }

    /// <summary>Records an effect on the event being processed, if any is (outside inbox processing this does nothing).</summary>
    public static void Mark()
    {
        if (Current.Value is { } recorder) recorder.Marked = true;
    }

    public sealed class Recorder
    {
        private volatile bool _marked;

        public bool Marked
        {
            get => _marked;
            internal set => _marked = value;
        }
    }
}
