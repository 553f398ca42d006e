using System.Text.RegularExpressions;

namespace Prow.Abstractions.Config.Jobs;

/// <summary>Kubernetes' rules for label keys, label values and annotation keys (apimachinery validation).</summary>
public static partial class KubernetesNames
{
    /// <summary>Problems of a qualified name ("prefix/name" or "name"), empty when valid.</summary>
    public static List<string> QualifiedNameProblems(string value)
    {
        var problems = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                var prefix = parts[0];
                name = parts[1];
                if (prefix.Length == 0) problems.Add("prefix part must be non-empty");
                else if (prefix.Length > 253 || !DnsSubdomain().IsMatch(prefix))
                    problems.Add("prefix part must be a lowercase RFC 1123 subdomain of at most 253 characters");
                break;
            default:
                problems.Add("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, with an optional DNS subdomain prefix and '/'");
                return problems;
        }
        if (name.Length == 0) problems.Add("name part must be non-empty");
        else if (name.Length > 63) problems.Add("name part must be no more than 63 characters");
        else if (!QualifiedNamePart().IsMatch(name))
            problems.Add("name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
        return problems;
    }

    /// <summary>Problems of a label value, empty when valid (empty values are valid).</summary>
    public static List<string> LabelValueProblems(string value)
    {
        var problems = new List<string>();
        if (value.Length > 63) problems.Add("must be no more than 63 characters");
        if (value.Length > 0 && !QualifiedNamePart().IsMatch(value))
            problems.Add("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
        return problems;
    }

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();
}
