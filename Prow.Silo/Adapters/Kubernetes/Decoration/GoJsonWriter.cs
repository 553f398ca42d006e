using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;

namespace Prow.Silo.Adapters.Kubernetes.Decoration;

/// <summary>
/// Writes one JSON object the way Go's <c>encoding/json</c> writes a struct: fields in declaration
/// order, <c>omitempty</c> per field, compact, and Go's string escaping (<see cref="GoEscape"/>). The
/// pod utilities' options and <c>JOB_SPEC</c> are such strings, and Prow's golden pods compare them
/// byte for byte.
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
    /// Rewrites System.Text.Json's string escapes into Go's: Go escapes only control characters
    /// (<c>\u001f</c>, lower-case hex; <c>\n</c>, <c>\t</c>... as short forms), <c>"</c>, <c>\</c>, and
    /// <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, U+2028, U+2029; everything else (é, emoji, U+00A0...) is written
    /// as is. The input is JSON this writer produced, so every backslash starts an escape.
    /// </summary>
    internal static string GoEscape(string json)
    {
        var text = new StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c != '\\')
            {
                AppendGo(text, c);
            }
            else if (json[i + 1] != 'u')
            {
                text.Append(c).Append(json[i + 1]);
                i++;
            }
            else
            {
                AppendGo(text, (char)Convert.ToInt32(json.Substring(i + 2, 4), 16));
                i += 5;
            }
        }
        return text.ToString();
    }

    private static void AppendGo(StringBuilder text, char c)
    {
        if (c < 0x20 || c is '<' or '>' or '&' or '\u2028' or '\u2029') text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        else text.Append(c);
    }
}
