using System.Text;
using System.Text.Json.Nodes;

namespace Prow.Silo.Tests.Gateway;

/// <summary>Random structural and byte-level mutations of a JSON payload, for fuzzing /hook.</summary>
public static class PayloadMutator
{
    public static string Mutate(string json, Random random)
    {
        switch (random.Next(6))
        {
            case 0: // truncate
                return json[..random.Next(json.Length)];
            case 1: // flip bytes
                var bytes = Encoding.UTF8.GetBytes(json);
                for (var i = 0; i < 1 + random.Next(8); i++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return Encoding.UTF8.GetString(bytes);
            default: // structural: replace, remove or retype a random node
                var root = JsonNode.Parse(json)!;
                for (var i = 0; i < 1 + random.Next(4); i++) MutateNode(root, random);
                return root.ToJsonString();
        }
    }

    private static void MutateNode(JsonNode root, Random random)
    {
        var nodes = new List<(JsonNode Parent, object Key)>();
        Collect(root, nodes);
        if (nodes.Count == 0) return;
        var (parent, key) = nodes[random.Next(nodes.Count)];
        JsonNode? replacement = random.Next(7) switch
        {
            0 => null,
            1 => JsonValue.Create(random.Next(-5, 5)),
            2 => JsonValue.Create("x"),
            3 => new JsonArray(),
            4 => new JsonObject(),
            5 => JsonValue.Create(true),
            _ => JsonValue.Create(long.MaxValue),
        };
        if (parent is JsonObject obj)
        {
            if (random.Next(3) == 0) obj.Remove((string)key);
            else obj[(string)key] = replacement;
        }
        else if (parent is JsonArray array)
        {
            array[(int)key] = replacement;
        }
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> into)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                into.Add((obj, name));
                if (child is not null) Collect(child, into);
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                into.Add((array, i));
                if (array[i] is { } child) Collect(child, into);
            }
        }
    }
}
