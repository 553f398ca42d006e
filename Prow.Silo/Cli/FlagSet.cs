using System.Globalization;

namespace Prow.Silo.Cli;

/// <summary>
/// Command-line flags parsed the way Go's <c>flag</c> package (and so Prow) does:
/// <c>-name value</c>, <c>--name value</c>, <c>--name=value</c>; boolean flags take no value
/// (<c>--dry-run</c>) or an attached one (<c>--dry-run=false</c>). Unknown flags and bad values
/// are errors that name the flag.
/// </summary>
public sealed class FlagSet(string command)
{
    private readonly Dictionary<string, Flag> _flags = new(StringComparer.Ordinal);

    public string Command { get; } = command;

    public Flag<string?> String(string name, string? defaultValue, string usage) => Add(name, defaultValue, usage, false, s => s);

    public Flag<List<string>> Strings(string name, IEnumerable<string> defaultValue, string usage)
    {
        var flag = new Flag<List<string>>(name, [.. defaultValue], usage, false, null);
        var isDefault = true;
        flag.SetParser(s =>
        {
            if (isDefault) { flag.Value.Clear(); isDefault = false; }
            flag.Value.Add(s);
            return flag.Value;
        });
        _flags[name] = flag;
        return flag;
    }

    public Flag<bool> Bool(string name, bool defaultValue, string usage) =>
        Add(name, defaultValue, usage, true, s => s.ToLowerInvariant() switch
        {
            "1" or "t" or "true" => true,
            "0" or "f" or "false" => false,
            _ => throw new FormatException("expected true or false"),
        });

    public Flag<int> Int(string name, int defaultValue, string usage) =>
        Add(name, defaultValue, usage, false, s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture));

    private Flag<T> Add<T>(string name, T defaultValue, string usage, bool isBool, Func<string, T> parse)
    {
        var flag = new Flag<T>(name, defaultValue, usage, isBool, parse);
        _flags[name] = flag;
        return flag;
    }

    /// <summary>Parses <paramref name="args"/>; returns the positional arguments. Throws <see cref="UsageException"/> on bad input.</summary>
    public List<string> Parse(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positional.AddRange(args.Skip(i + 1));
                break;
            }
            if (arg.Length < 2 || arg[0] != '-')
            {
                positional.Add(arg);
                continue;
            }
            var body = arg.TrimStart('-');
            string? value = null;
            var eq = body.IndexOf('=');
            if (eq >= 0)
            {
                value = body[(eq + 1)..];
                body = body[..eq];
            }
            if (body is "h" or "help") throw new HelpRequestedException();
            if (!_flags.TryGetValue(body, out var flag))
                throw new UsageException($"unknown flag -{body}");
            if (value is null)
            {
                if (flag.IsBool) value = "true";
                else if (i + 1 < args.Count) value = args[++i];
                else throw new UsageException($"flag -{body} needs a value");
            }
            try
            {
                flag.Set(value);
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                throw new UsageException($"invalid value \"{value}\" for flag -{body}: {ex.Message}");
            }
        }
        return positional;
    }

    /// <summary>The flags and their usage, sorted by name, as Go's flag package prints them.</summary>
    public string Usage() =>
        string.Join(Environment.NewLine, _flags.Values.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f =>
            $"  --{f.Name}{(f.IsBool ? "" : " value")}{Environment.NewLine}        {f.Usage}{(f.DefaultText is { Length: > 0 } d ? $" (default {d})" : "")}"));

    public abstract class Flag(string name, string usage, bool isBool)
    {
        public string Name { get; } = name;
        public string Usage { get; } = usage;
        public bool IsBool { get; } = isBool;
        public bool WasSet { get; protected set; }
        public abstract string? DefaultText { get; }
        public abstract void Set(string value);
    }

    public sealed class Flag<T>(string name, T defaultValue, string usage, bool isBool, Func<string, T>? parse) : Flag(name, usage, isBool)
    {
        private Func<string, T>? _parse = parse;
        private readonly string? _defaultText = defaultValue switch
        {
            null => null,
            List<string> list => list.Count == 0 ? null : string.Join(",", list),
            bool b => b ? "true" : null,
            _ => defaultValue.ToString(),
        };

        public T Value { get; private set; } = defaultValue;

        public override string? DefaultText => _defaultText;

        internal void SetParser(Func<string, T> parse) => _parse = parse;

        public override void Set(string value)
        {
            Value = _parse!(value);
            WasSet = true;
        }
    }
}
