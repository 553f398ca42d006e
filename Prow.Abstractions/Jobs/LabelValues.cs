using System.Text;
using System.Text.RegularExpressions;

namespace Prow.Abstractions.Jobs;

/// <summary>
/// Kubernetes label value rules as Prow applies them: at most 63 characters of
/// <c>(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?</c> (empty is valid).
/// </summary>
public static partial class LabelValues
{
    public const int MaxLength = 63;

    /// <summary>Kubernetes' <c>validation.IsValidLabelValue</c> (true when there are no errors).</summary>
    public static bool IsValid(string value) => Encoding.UTF8.GetByteCount(value) <= MaxLength && Pattern().IsMatch(value);

    /// <summary>
    /// Prow's truncation of the job name and context for labels: the first 63 bytes, then trailing
    /// '.', '_' and '-' removed. Values that fit are returned unchanged.
    /// </summary>
    public static string Truncate(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length <= MaxLength) return value;
        return Encoding.UTF8.GetString(bytes, 0, MaxLength).TrimEnd('.', '_', '-');
    }

    /// <summary>
    /// Prow's clean-up of a label value: kept if valid, else its last path element if that is valid
    /// (a value such as "a//b"), else null (Prow drops the label).
    /// </summary>
    public static string? Sanitize(string value)
    {
        if (IsValid(value)) return value;
        var baseName = GoFilepathBase(value);
        return IsValid(baseName) ? baseName : null;
    }

    /// <summary>Go's <c>filepath.Base</c> on Unix: "." for empty, "/" for only slashes, else the last element.</summary>
    public static string GoFilepathBase(string path)
    {
        if (path.Length == 0) return ".";
        var trimmed = path.TrimEnd('/');
        if (trimmed.Length == 0) return "/";
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex Pattern();
}
