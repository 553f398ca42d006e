namespace Prow.Storage.Bench;

/// <summary>A state about the size of a pull request snapshot (~1 KB of JSON).</summary>
public sealed class Payload
{
    public int Sequence { get; set; }

    public string HeadSha { get; set; } = new('a', 40);

    public List<string> Labels { get; set; } = [.. Enumerable.Range(0, 20).Select(i => $"area/component-{i}")];

    public string Body { get; set; } = new('x', 600);
}
