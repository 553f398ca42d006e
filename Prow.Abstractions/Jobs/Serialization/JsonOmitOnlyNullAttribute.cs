namespace Prow.Abstractions.Jobs.Serialization;

/// <summary>
/// The Go field is a pointer with <c>omitempty</c>: omitted only when unset, so an explicit empty
/// value (<c>""</c>) is written. Nullable value types (<c>bool?</c>, <c>int?</c>) behave so without this.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class JsonOmitOnlyNullAttribute : Attribute;
