namespace Prow.Abstractions.Config.Yaml;

/// <summary>
/// The keys of this property's type are read from the enclosing mapping, like Go's
/// <c>json:",inline"</c> (Prow's Presubmit inlines JobBase, Brancher, RegexpChangeMatcher).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class YamlInlineAttribute : Attribute;
