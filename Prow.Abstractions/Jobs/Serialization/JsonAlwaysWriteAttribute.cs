namespace Prow.Abstractions.Jobs.Serialization;

/// <summary>The Go field has no <c>omitempty</c>: written even when empty (e.g. <c>refs.org</c>, <c>pulls[].number</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class JsonAlwaysWriteAttribute : Attribute;
