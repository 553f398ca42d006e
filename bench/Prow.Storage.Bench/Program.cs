using Prow.Storage.Bench;

var writers = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 64;
var writes = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
Console.WriteLine($"SQLite grain storage: {writers} concurrent writers, {writes} writes per run, {Environment.ProcessorCount} cores");
foreach (var syncEveryCommit in new[] { true, false })
{
    foreach (var sharedWriter in new[] { true, false })
    {
        var result = await StorageBenchmark.RunAsync(writers, writes, syncEveryCommit, sharedWriter);
        Console.WriteLine(result);
    }
}

await StorageBenchmark.RunReadsAsync(writers, writes);
