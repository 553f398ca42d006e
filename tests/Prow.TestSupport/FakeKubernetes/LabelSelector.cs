using System.Text.Json.Nodes;

namespace Prow.TestSupport.FakeKubernetes;

/// <summary>Equality-based label selectors: "a=b", "a==b", "a!=b", "a", "!a", comma-separated (all must hold).</summary>
internal static class LabelSelector
{
    public static bool Matches(string? selector, JsonObject obj)
    {
        if (string.IsNullOrWhiteSpace(selector)) return true;
        var labels = obj["metadata"]?["labels"] as JsonObject;
        string? Label(string key) => labels?[key]?.GetValue<string>();
        foreach (var raw in selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            bool ok;
            if (raw.Split("!=", 2) is [var nk, var nv]) ok = Label(nk.Trim()) != nv.Trim();
            else if (raw.Split("==", 2) is [var ek, var ev]) ok = Label(ek.Trim()) == ev.Trim();
            else if (raw.Split('=', 2) is [var k, var v]) ok = Label(k.Trim()) == v.Trim();
            else if (raw.StartsWith('!')) ok = Label(raw[1..]) is null;
            else ok = Label(raw) is not null;
            if (!ok) return false;
        }
        return true;
    }
}
