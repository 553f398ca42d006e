namespace Prow.TestSupport;

/// <summary>Waits for a condition with a deadline instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var value = await probe();
                if (value is not null && value is not false) return value;
            }
            catch (Exception ex)
            {
                last = ex;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"timed out after {timeout} waiting for {what}" + (last is null ? "" : $" (last error: {last.Message})"), last);
    }

    public static Task Until(Func<bool> condition, TimeSpan timeout, string what) =>
        Until<object>(() => Task.FromResult<object?>(condition() ? true : null), timeout, what);
}
