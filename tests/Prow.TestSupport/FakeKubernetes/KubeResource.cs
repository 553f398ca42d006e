namespace Prow.TestSupport.FakeKubernetes;

/// <summary>A namespaced resource collection: core pods are group "" version "v1" plural "pods".</summary>
public sealed record KubeResource(string Group, string Version, string Plural)
{
    public static readonly KubeResource Pods = new("", "v1", "pods");

    /// <summary>The collection's path in a namespace, e.g. <c>/api/v1/namespaces/ns/pods</c>.</summary>
    public string PathIn(string ns) =>
        Group.Length == 0 ? $"/api/{Version}/namespaces/{ns}/{Plural}" : $"/apis/{Group}/{Version}/namespaces/{ns}/{Plural}";

    public override string ToString() => Group.Length == 0 ? $"{Version}/{Plural}" : $"{Group}/{Version}/{Plural}";
}
