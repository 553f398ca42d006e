using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace Prow.Abstractions.Jobs.Serialization;

/// <summary>
/// Go's <c>encoding/json</c> <c>omitempty</c> as a System.Text.Json contract modifier: null, false, 0,
/// "" and empty lists/maps are not written, unless the property says otherwise
/// (<see cref="JsonAlwaysWriteAttribute"/>, <see cref="JsonOmitOnlyNullAttribute"/>, nullable value types).
/// </summary>
public static class GoOmitEmpty
{
    public static void Apply(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in typeInfo.Properties)
        {
            if (property.IsExtensionData || property.AttributeProvider is not MemberInfo member) continue;
            if (member.IsDefined(typeof(JsonAlwaysWriteAttribute))) continue;
            var type = property.PropertyType;
            var onlyNull = member.IsDefined(typeof(JsonOmitOnlyNullAttribute)) || Nullable.GetUnderlyingType(type) is not null;
            property.ShouldSerialize = onlyNull ? static (_, value) => value is not null : static (_, value) => !IsEmpty(value);
        }
    }

    /// <summary>Go's notion of an empty value for omitempty.</summary>
    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        bool b => !b,
        int i => i == 0,
        long l => l == 0,
        ICollection c => c.Count == 0,
        _ => false,
    };
}
