namespace Prow.Silo.Adapters.Kubernetes.Decoration;

/// <summary>Go's <c>path.Join</c> and <c>path.Clean</c> for the slash-separated paths inside the pod.</summary>
internal static class GoPath
{
    public static string Join(params string[] parts)
    {
        var joined = string.Join("/", parts.Where(p => p.Length > 0));
        return joined.Length == 0 ? "" : Clean(joined);
    }

    public static string Clean(string path)
    {
        if (path.Length == 0) return ".";
        var rooted = path[0] == '/';
        var output = new List<string>();
        foreach (var element in path.Split('/'))
        {
            if (element is "" or ".") continue;
            if (element == "..")
            {
                if (output.Count > 0 && output[^1] != "..") output.RemoveAt(output.Count - 1);
                else if (!rooted) output.Add("..");
                continue;
            }
            output.Add(element);
        }
        var cleaned = string.Join("/", output);
        return rooted ? "/" + cleaned : cleaned.Length == 0 ? "." : cleaned;
    }
}
