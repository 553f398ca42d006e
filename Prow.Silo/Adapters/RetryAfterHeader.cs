namespace Prow.Silo.Adapters;

/// <summary>The Retry-After header of an HTTP answer (GitHub, Slack, webhook receivers).</summary>
internal static class RetryAfterHeader
{
    /// <summary>How long the answer asks to wait from <paramref name="now"/> (seconds or a date); null without one, or when its date has passed.</summary>
    public static TimeSpan? Of(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > now => date - now,
        _ => null,
    };
}
