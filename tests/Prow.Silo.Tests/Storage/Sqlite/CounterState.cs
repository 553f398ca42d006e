using Orleans;

namespace Prow.Silo.Tests.Storage.Sqlite;

[GenerateSerializer]
[Alias("prow.tests.storage.CounterState")]
public sealed class CounterState
{
    [Id(0)]
    public int Count { get; set; }

    [Id(1)]
    public List<string> Notes { get; set; } = [];
}
