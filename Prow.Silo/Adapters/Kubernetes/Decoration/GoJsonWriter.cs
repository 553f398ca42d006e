using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;

namespace Prow.Silo.Adapters.Kubernetes.Decoration;

/// <summary>
/// Writes one JSON object the way Go's <c>encoding/json</c> writes a struct: fields in declaration
/// order, <c>omitempty</c> per field, compact, and Go's escaping of <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>,
/// U+2028 and U+2029. The pod utilities' options and <c>JOB_SPEC</c> are such strings, and Prow's golden
/// pods compare them byte for byte.
/// </summary>
internal sealed class GoJsonWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _writer;

    public GoJsonWriter()
    {
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _writer.WriteStartObject();
    }

    public Utf8JsonWriter Writer => _writer;

    public void String(string name, string? value, bool omitEmpty = true)
    {
        if (omitEmpty && string.IsNullOrEmpty(value)) return;
        _writer.WriteString(name, value ?? "");
    }

    /// <summary>A Go slice: omitted when empty (omitempty), else written; a nil slice without omitempty is null.</summary>
    public void Strings(string name, IReadOnlyList<string>? values, bool omitEmpty = true)
    {
        if (omitEmpty && (values is null || values.Count == 0)) return;
        _writer.WritePropertyName(name);
        if (values is null)
        {
            _writer.WriteNullValue();
            return;
        }
        _writer.WriteStartArray();
        foreach (var value in values) _writer.WriteStringValue(value);
        _writer.WriteEndArray();
    }

    public void Bool(string name, bool value, bool omitEmpty = true)
    {
        if (omitEmpty && !value) return;
        _writer.WriteBoolean(name, value);
    }

    public void Number(string name, long value, bool omitEmpty = true)
    {
        if (omitEmpty && value == 0) return;
        _writer.WriteNumber(name, value);
    }

    /// <summary>A Go pointer to a number with omitempty: written when set, even when zero.</summary>
    public void OptionalNumber(string name, long? value)
    {
        if (value is { } set) _writer.WriteNumber(name, set);
    }

    /// <summary>A Go <c>time.Duration</c>: an integer of nanoseconds.</summary>
    public void Duration(string name, TimeSpan value) => _writer.WriteNumber(name, value.Ticks * 100);

    /// <summary>A value of a ProwJob type, written with <see cref="ProwJobJson"/> (Prow's own JSON of it).</summary>
    public void ProwJobValue<T>(string name, T? value)
    {
        if (value is null) return;
        _writer.WritePropertyName(name);
        JsonSerializer.Serialize(_writer, value, ProwJobJson.Options);
    }

    /// <summary>The fields of an embedded Go struct: every property of its JSON, in order, inline.</summary>
    public void InlineProwJobValue<T>(T? value)
    {
        if (value is null) return;
        var node = JsonSerializer.SerializeToNode(value, ProwJobJson.Options) as JsonObject ?? [];
        foreach (var (key, child) in node)
        {
            _writer.WritePropertyName(key);
            if (child is null) _writer.WriteNullValue();
            else child.WriteTo(_writer);
        }
    }

    public void Object(string name, Action<GoJsonWriter> writeFields)
    {
        _writer.WriteStartObject(name);
        writeFields(this);
        _writer.WriteEndObject();
    }

    public void Objects<T>(string name, IReadOnlyList<T>? values, Action<GoJsonWriter, T> writeFields, bool omitEmpty = true)
    {
        if (omitEmpty && (values is null || values.Count == 0)) return;
        _writer.WritePropertyName(name);
        if (values is null)
        {
            _writer.WriteNullValue();
            return;
        }
        _writer.WriteStartArray();
        foreach (var value in values)
        {
            _writer.WriteStartObject();
            writeFields(this, value);
            _writer.WriteEndObject();
        }
        _writer.WriteEndArray();
    }

    /// <summary>Closes the object and returns its text; the writer is done after this.</summary>
    public string Finish()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        return GoEscape(Encoding.UTF8.GetString(_buffer.WrittenSpan));
    }

    /// <summary>
    /// Go escapes these five inside strings (they never occur outside one in JSON text, so a plain
    /// replacement is exact); the relaxed encoder already escapes control characters and quotes.
    /// </summary>
    internal static string GoEscape(string json) => json
        .Replace("<", "\\u003c", StringComparison.Ordinal)
        .Replace(">", "\\u003e", StringComparison.Ordinal)
        .Replace("&", "\\u0026", StringComparison.Ordinal)
        .Replace("\u2028", "\\u2028", StringComparison.Ordinal)
        .Replace("\u2029", "\\u2029", StringComparison.Ordinal);
}
