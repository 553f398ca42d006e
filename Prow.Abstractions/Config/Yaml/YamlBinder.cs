using System.Collections.Concurrent;
using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Yaml;

/// <summary>
/// Binds a parsed YAML tree to configuration classes, reporting every problem with its line:
/// unknown keys (never dropped silently), wrong node kinds, unparsable scalars.
/// Key names come from <see cref="YamlMemberAttribute.Alias"/>, else the property name in snake_case.
/// Supported: string, bool, int, long, double, TimeSpan (Go duration), enums, nullable forms,
/// List/IReadOnlyList, Dictionary&lt;string, T&gt;, JsonNode (raw subtree, e.g. a pod spec),
/// YamlNode, <see cref="IYamlBindable"/>, and classes with settable properties.
/// </summary>
public static class YamlBinder
{
    private static readonly ConcurrentDictionary<Type, TypeMap> Maps = new();
    private static readonly ConcurrentDictionary<Type, TypeShape> Shapes = new();

    /// <summary>
    /// Parses a YAML file's first document, as Prow does (sigs.k8s.io/yaml decodes only the first
    /// document of a stream and ignores the rest without a word). YAML 1.1 merge keys (<c>&lt;&lt;: *anchor</c>)
    /// are expanded as go-yaml does. Later non-empty documents are
    /// reported as warnings, so nothing is lost silently. Returns null (with an error) when the text
    /// cannot be parsed, e.g. invalid syntax or a duplicated key; null without one for an empty file.
    /// </summary>
    public static YamlNode? Parse(string text, YamlBindContext context)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            context.ErrorAt((int)ex.Start.Line, "(yaml)", $"invalid YAML: {ex.InnerException?.Message ?? ex.Message}");
            return null;
        }
        if (stream.Documents.Count == 0) return null;
        for (var i = 1; i < stream.Documents.Count; i++)
        {
            var extra = stream.Documents[i].RootNode;
            if (!IsNull(extra))
                context.Warning(extra, "(yaml)", $"document {i + 1} is ignored: only the first YAML document of a file is read (as Prow does)");
        }
        var root = stream.Documents[0].RootNode;
        if (text.Contains("<<", StringComparison.Ordinal)) YamlMergeKeys.Expand(root, context);
        return IsNull(root) ? null : root;
    }

    public static T? Bind<T>(YamlNode? node, YamlBindContext context) => (T?)Bind(typeof(T), node, context);

    public static object? Bind(Type type, YamlNode? node, YamlBindContext context)
    {
        if (node is null || IsNull(node))
            return null;

        var shape = Shapes.GetOrAdd(type, TypeShape.Of);
        switch (shape.Kind)
        {
            case ShapeKind.YamlNode:
                return node;
            case ShapeKind.Json:
                return BindJson(shape.Type, node, context);
            case ShapeKind.Bindable:
                var bindable = (IYamlBindable)Activator.CreateInstance(shape.Type)!;
                if (bindable is SourceLocated located) Locate(located, node, context);
                bindable.Bind(node, context);
                return bindable;
            case ShapeKind.String:
                return ScalarText(node, context, "a string");
            case ShapeKind.Scalar:
                return BindScalar(shape.Type, node, context);
            case ShapeKind.List:
                return BindList(shape, node, context);
            case ShapeKind.Dictionary:
                return BindDictionary(shape, node, context);
            case ShapeKind.Object:
                return BindObject(shape.Type, node, context);
            default:
                throw new NotSupportedException($"YamlBinder cannot bind type {type}");
        }
    }

    /// <summary>Binds the keys of <paramref name="mapping"/> onto an existing object; returns the keys it did not know.</summary>
    public static void Populate(object target, YamlMappingNode mapping, YamlBindContext context, ISet<string>? ignoredKeys = null)
    {
        var map = Maps.GetOrAdd(target.GetType(), TypeMap.Build);
        var located = target as SourceLocated;
        if (located is not null) Locate(located, mapping, context);
        foreach (var inline in map.Inlines)
        {
            var child = inline.GetValue(target) ?? Activator.CreateInstance(inline.PropertyType)!;
            inline.SetValue(target, child);
        }
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = ScalarText(keyNode, context, "a key") ?? "";
            if (ignoredKeys?.Contains(key) == true) continue;
            if (!map.Members.TryGetValue(key, out var member))
            {
                context.UnknownKey(keyNode, key);
                continue;
            }
            located?.RecordKeyLine(key, YamlBindContext.LineOf(keyNode));
            using var _ = context.Key(key);
            var owner = member.Inline is null ? target : member.Inline.GetValue(target)!;
            var value = Bind(member.Property.PropertyType, valueNode, context);
            if (value is not null || IsNull(valueNode))
                member.Property.SetValue(owner, value);
        }
    }

    private static object? BindObject(Type type, YamlNode node, YamlBindContext context)
    {
        if (node is not YamlMappingNode mapping)
        {
            context.Error(node, $"expected a mapping, got {Describe(node)}");
            return null;
        }
        var target = Activator.CreateInstance(type)!;
        Populate(target, mapping, context);
        return target;
    }

    private static object? BindList(TypeShape shape, YamlNode node, YamlBindContext context)
    {
        var elementType = shape.Element!;
        if (node is not YamlSequenceNode sequence)
        {
            context.Error(node, $"expected a list, got {Describe(node)}");
            return null;
        }
        var list = (IList)Activator.CreateInstance(shape.Concrete!)!;
        var index = 0;
        foreach (var child in sequence.Children)
        {
            using var _ = context.Index(index++);
            var value = Bind(elementType, child, context);
            if (value is not null) list.Add(value);
            else if (!IsNull(child) || !elementType.IsValueType) { /* error already reported, or explicit null element */ }
        }
        return list;
    }

    private static object? BindDictionary(TypeShape shape, YamlNode node, YamlBindContext context)
    {
        var valueType = shape.Element!;
        if (node is not YamlMappingNode mapping)
        {
            context.Error(node, $"expected a mapping, got {Describe(node)}");
            return null;
        }
        var dictionary = (IDictionary)Activator.CreateInstance(shape.Concrete!, StringComparer.Ordinal)!;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = ScalarText(keyNode, context, "a key") ?? "";
            using var _ = context.Key(key);
            var value = Bind(valueType, valueNode, context);
            if (value is not null || !valueType.IsValueType) dictionary[key] = value;
        }
        return dictionary;
    }

    private static object? BindScalar(Type type, YamlNode node, YamlBindContext context)
    {
        var text = ScalarText(node, context, ExpectedName(type));
        if (text is null) return null;
        var trimmed = text.Trim();
        object? value = null;
        if (type == typeof(bool)) value = ParseBool(trimmed);
        else if (type == typeof(int) && int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) value = i;
        else if (type == typeof(long) && long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) value = l;
        else if (type == typeof(double) && double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) value = d;
        else if (type == typeof(TimeSpan) && GoDuration.TryParse(trimmed, out var t)) value = t;
        else if (type == typeof(DateTimeOffset) && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto)) value = dto;
        else if (type.IsEnum) value = ParseEnum(type, trimmed);
        if (value is null)
            context.Error(node, type.IsEnum
                ? $"invalid value \"{text}\": expected one of {string.Join(", ", EnumNames(type))}"
                : $"invalid value \"{text}\": expected {ExpectedName(type)}");
        return value;
    }

    private static string? ScalarText(YamlNode node, YamlBindContext context, string expected)
    {
        if (node is YamlScalarNode scalar)
            return scalar.Style == ScalarStyle.Plain && IsNullText(scalar.Value) ? null : scalar.Value ?? "";
        context.Error(node, $"expected {expected}, got {Describe(node)}");
        return null;
    }

    private static JsonNode? BindJson(Type type, YamlNode node, YamlBindContext context)
    {
        var json = ToJson(node);
        if (json is null || type.IsInstanceOfType(json)) return json;
        context.Error(node, $"expected {(type == typeof(JsonArray) ? "a list" : "a mapping")}, got {Describe(node)}");
        return null;
    }

    /// <summary>Converts a YAML subtree to JSON with YAML 1.1 plain-scalar typing (as Prow's sigs.k8s.io/yaml does).</summary>
    public static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (k, v) in mapping.Children)
                    obj[((YamlScalarNode)k).Value ?? ""] = ToJson(v);
                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var child in sequence.Children) array.Add(ToJson(child));
                return array;
            case YamlScalarNode scalar:
                var text = scalar.Value ?? "";
                if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(text);
                if (IsNullText(text)) return null;
                if (ParseBool(text) is { } b && !IsYesNo(text)) return JsonValue.Create(b);
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
                if (LooksLikeFloat(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return JsonValue.Create(d);
                return JsonValue.Create(text);
            default:
                return null;
        }
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain } s && IsNullText(s.Value);

    private static bool IsNullText(string? text) => text is null or "" or "~" or "null" or "Null" or "NULL";

    private static bool IsYesNo(string text) => text.ToLowerInvariant() is "yes" or "no" or "on" or "off" or "y" or "n";

    private static bool LooksLikeFloat(string text) =>
        text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.') && text.Any(char.IsAsciiDigit)
        && text.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '-' or '+');

    private static object? ParseBool(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => null,
    };

    private static object? ParseEnum(Type type, string text)
    {
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (string.Equals(EnumName(field), text, StringComparison.OrdinalIgnoreCase))
                return field.GetValue(null);
        }
        return null;
    }

    private static IEnumerable<string> EnumNames(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(EnumName);

    public static string EnumName(FieldInfo field) =>
        field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name.ToLowerInvariant();

    private static string ExpectedName(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "an integer",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(TimeSpan) => "a duration like \"30m\" or \"48h\"",
        _ when type == typeof(DateTimeOffset) => "a timestamp like \"2024-01-31T00:00:00Z\"",
        _ => "a " + type.Name,
    };

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => $"\"{s.Value}\"",
        _ => node.NodeType.ToString(),
    };

    private static void Locate(SourceLocated located, YamlNode node, YamlBindContext context)
    {
        located.SourceFile = context.File;
        located.SourceLine = YamlBindContext.LineOf(node);
        located.SourceKey = context.Path;
    }

    /// <summary>snake_case of a PascalCase property name: MaxConcurrency → max_concurrency.</summary>
    public static string SnakeCase(string name)
    {
        var chars = new List<char>(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                    chars.Add('_');
                chars.Add(char.ToLowerInvariant(c));
            }
            else chars.Add(c);
        }
        return new string([.. chars]);
    }

    private enum ShapeKind { Unsupported, YamlNode, Json, Bindable, String, Scalar, List, Dictionary, Object }

    /// <summary>How a type is bound, worked out once per type (reflection on generics is slow).</summary>
    private sealed record TypeShape(ShapeKind Kind, Type Type, Type? Element = null, Type? Concrete = null)
    {
        public static TypeShape Of(Type declared)
        {
            var type = Nullable.GetUnderlyingType(declared) ?? declared;
            if (type == typeof(YamlNode)) return new(ShapeKind.YamlNode, type);
            if (typeof(JsonNode).IsAssignableFrom(type)) return new(ShapeKind.Json, type);
            if (typeof(IYamlBindable).IsAssignableFrom(type)) return new(ShapeKind.Bindable, type);
            if (type == typeof(string)) return new(ShapeKind.String, type);
            if (type == typeof(bool) || type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(TimeSpan)
                || type == typeof(DateTimeOffset) || type.IsEnum)
                return new(ShapeKind.Scalar, type);
            if (type.IsGenericType)
            {
                var definition = type.GetGenericTypeDefinition();
                var args = type.GetGenericArguments();
                if (definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>))
                    return new(ShapeKind.List, type, args[0], typeof(List<>).MakeGenericType(args[0]));
                if ((definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)) && args[0] == typeof(string))
                    return new(ShapeKind.Dictionary, type, args[1], typeof(Dictionary<,>).MakeGenericType(typeof(string), args[1]));
            }
            if (type.IsClass && type.GetConstructor(Type.EmptyTypes) is not null) return new(ShapeKind.Object, type);
            return new(ShapeKind.Unsupported, type);
        }
    }

    private sealed record Member(PropertyInfo Property, PropertyInfo? Inline);

    private sealed record TypeMap(Dictionary<string, Member> Members, List<PropertyInfo> Inlines)
    {
        public static TypeMap Build(Type type)
        {
            var members = new Dictionary<string, Member>(StringComparer.Ordinal);
            var inlines = new List<PropertyInfo>();
            foreach (var property in Settable(type))
            {
                if (property.GetCustomAttribute<YamlInlineAttribute>() is not null)
                {
                    inlines.Add(property);
                    foreach (var inner in Settable(property.PropertyType))
                        members[KeyOf(inner)] = new Member(inner, property);
                    continue;
                }
                members[KeyOf(property)] = new Member(property, null);
            }
            return new TypeMap(members, inlines);
        }

        private static IEnumerable<PropertyInfo> Settable(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.SetMethod!.IsPublic && p.GetIndexParameters().Length == 0
                    && p.GetCustomAttribute<YamlIgnoreAttribute>() is null);

        private static string KeyOf(PropertyInfo property) =>
            property.GetCustomAttribute<YamlMemberAttribute>()?.Alias ?? SnakeCase(property.Name);
    }
}
