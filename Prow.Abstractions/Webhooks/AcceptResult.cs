namespace Prow.Abstractions.Webhooks;

/// <summary>What a grain did with a webhook delivery offered to it.</summary>
[GenerateSerializer]
[Alias("prow.AcceptResult")]
public enum AcceptResult
{
    /// <summary>Persisted in the grain's inbox; it will be processed.</summary>
    Accepted = 0,

    /// <summary>This delivery ID was accepted before; nothing new was stored.</summary>
    Duplicate = 1,
}
