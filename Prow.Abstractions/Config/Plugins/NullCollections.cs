using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace Prow.Abstractions.Config.Plugins;

/// <summary>
/// After binding, an explicit <c>key: null</c> (or <c>key:</c>) leaves null in a property declared non-nullable.
/// Go reads such a value as the zero value (empty string, empty list or map, zero struct); this replaces
/// those nulls the same way, so consumers can trust the declared nullability. Properties declared nullable
/// (e.g. <c>bool?</c>, <c>ContextMatch?</c>, Bugzilla's optional lists) keep their null: it means "unset".
/// </summary>
internal static class NullCollections
{
    // NullabilityInfoContext caches in plain dictionaries and is not thread-safe; plugins.yaml may be parsed
    // on several threads at once (reloads, parallel tests), so each thread gets its own.
    [ThreadStatic]
    private static NullabilityInfoContext? _nullability;

    private static NullabilityInfoContext Nullability => _nullability ??= new NullabilityInfoContext();

    public static void Fill(object target)
    {
        foreach (var property in target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0) continue;
            if (property.GetCustomAttribute<YamlIgnoreAttribute>() is not null) continue;
            var value = property.GetValue(target);
            if (value is null && property.CanWrite && property.SetMethod!.IsPublic
                && Nullability.Create(property).WriteState == NullabilityState.NotNull)
            {
                value = ZeroOf(property.PropertyType);
                if (value is not null) property.SetValue(target, value);
            }
            if (value is not null) Visit(value, Nullability.Create(property));
        }
    }

    private static void Visit(object value, NullabilityInfo info)
    {
        switch (value)
        {
            case string or Regex:
                return;
            case IDictionary dictionary:
                var valueInfo = info.GenericTypeArguments.Length == 2 ? info.GenericTypeArguments[1] : null;
                var valueType = value.GetType().GetGenericArguments()[1];
                foreach (var key in dictionary.Keys.Cast<object>().ToList())
                {
                    var item = dictionary[key];
                    if (item is null && valueInfo?.ReadState == NullabilityState.NotNull)
                        dictionary[key] = item = ZeroOf(valueType);
                    if (item is not null && valueInfo is not null) Visit(item, valueInfo);
                }
                return;
            case IList list:
                var elementInfo = info.GenericTypeArguments.Length == 1 ? info.GenericTypeArguments[0] : null;
                foreach (var item in list)
                {
                    if (item is not null && elementInfo is not null) Visit(item, elementInfo);
                }
                return;
            default:
                if (value.GetType().IsClass) Fill(value);
                return;
        }
    }

    private static object? ZeroOf(Type type)
    {
        if (type == typeof(string)) return "";
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            return Activator.CreateInstance(type, StringComparer.Ordinal);
        return type.IsClass && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null
            ? Activator.CreateInstance(type)
            : null;
    }
}
