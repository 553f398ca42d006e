using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;

namespace Prow.Abstractions.Templates;

/// <summary>
/// The subset of Go's text/template that Prow configs use for URLs and report texts
/// (<c>plank.job_url_template</c>, Slack <c>report_template</c>): text, <c>{{.Field.Path}}</c>,
/// <c>{{if}}</c> / <c>{{else if}}</c> / <c>{{else}}</c> / <c>{{end}}</c>, <c>{{with}}</c>, comments,
/// <c>{{-</c> / <c>-}}</c> trimming, string and number literals, parenthesised commands and the functions
/// <c>eq</c>, <c>ne</c>, <c>not</c>, <c>and</c>, <c>or</c>, <c>index</c>, <c>len</c>. Fields are the Go names
/// of Prow's structs, matched to our properties without regard to case (<c>.Status.BuildID</c> is
/// <c>Status.BuildId</c>; <c>.ObjectMeta</c> is <c>Metadata</c>). Anything else (range, variables,
/// pipes, other functions) is refused when parsing, with its position, rather than rendered wrongly.
/// </summary>
public sealed class GoTemplate
{
    private readonly List<Node> _nodes;

    private GoTemplate(List<Node> nodes) => _nodes = nodes;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, GoTemplate> ParsedOnce = new(StringComparer.Ordinal);

    /// <exception cref="GoTemplateException">The text is not a template of the supported subset.</exception>
    public static GoTemplate Parse(string text) => new(new Parser(text).ParseAll());

    /// <summary>
    /// <see cref="Parse"/> once per distinct text, for templates from configuration executed on every job (job URLs,
    /// report templates, Slack messages). Bounded: only a handful exist, and reloads replace them.
    /// </summary>
    /// <exception cref="GoTemplateException">The text is not a template of the supported subset.</exception>
    public static GoTemplate Cached(string text)
    {
        if (ParsedOnce.Count > 256) ParsedOnce.Clear();
        return ParsedOnce.GetOrAdd(text, Parse);
    }

    /// <exception cref="GoTemplateException">A field is missing or a nil value is dereferenced, as Go reports it.</exception>
    public string Execute(object? data)
    {
        var output = new StringBuilder();
        Render(_nodes, data, output);
        return output.ToString();
    }

    private static void Render(List<Node> nodes, object? dot, StringBuilder output)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    output.Append(text.Text);
                    break;
                case PrintNode print:
                    output.Append(Format(Evaluate(print.Expression, dot)));
                    break;
                case IfNode branch:
                    var value = Evaluate(branch.Condition, dot);
                    if (IsTrue(value)) Render(branch.Then, branch.IsWith ? value : dot, output);
                    else Render(branch.Else, dot, output);
                    break;
            }
        }
    }

    private static object? Evaluate(Expr expression, object? dot) => expression switch
    {
        Literal literal => literal.Value,
        Field field => Resolve(dot, field.Path),
        Call call => Invoke(call, dot),
        _ => throw new GoTemplateException("unknown expression"),
    };

    private static object? Invoke(Call call, object? dot)
    {
        var args = call.Args.Select(a => Evaluate(a, dot)).ToList();
        switch (call.Function)
        {
            case "eq":
                Arity(call, args, 2, int.MaxValue);
                return args.Skip(1).Any(other => BasicEquals(args[0], other));
            case "ne":
                Arity(call, args, 2, 2);
                return !BasicEquals(args[0], args[1]);
            case "not":
                Arity(call, args, 1, 1);
                return !IsTrue(args[0]);
            case "and":
                Arity(call, args, 1, int.MaxValue);
                return args.FirstOrDefault(a => !IsTrue(a), args[^1]);
            case "or":
                Arity(call, args, 1, int.MaxValue);
                return args.FirstOrDefault(IsTrue, args[^1]);
            case "len":
                Arity(call, args, 1, 1);
                return args[0] switch
                {
                    string s => s.Length,
                    ICollection c => c.Count,
                    _ => throw new GoTemplateException($"len of {Describe(args[0])}"),
                };
            case "index":
                Arity(call, args, 2, int.MaxValue);
                var item = args[0];
                foreach (var key in args.Skip(1)) item = Index(item, key);
                return item;
            default:
                throw new GoTemplateException($"function \"{call.Function}\" not defined");
        }
    }

    private static void Arity(Call call, List<object?> args, int min, int max)
    {
        if (args.Count < min || args.Count > max)
            throw new GoTemplateException($"wrong number of args for {call.Function}: got {args.Count}");
    }

    private static object? Index(object? item, object? key)
    {
        switch (item)
        {
            case null:
                throw new GoTemplateException("index of untyped nil");
            case IDictionary dictionary:
                return key is not null && dictionary.Contains(key) ? dictionary[key] : null;
            case IList list when key is int or long:
                var i = Convert.ToInt32(key, CultureInfo.InvariantCulture);
                if (i < 0 || i >= list.Count) throw new GoTemplateException($"error calling index: index out of range: {i}");
                return list[i];
            default:
                throw new GoTemplateException($"can't index item of type {Describe(item)}");
        }
    }

    private static object? Resolve(object? dot, IReadOnlyList<string> path)
    {
        var value = dot;
        foreach (var name in path)
        {
            if (value is null) throw new GoTemplateException($"nil pointer evaluating .{name}");
            if (value is IDictionary dictionary)
            {
                value = dictionary.Contains(name) ? dictionary[name] : null;
                continue;
            }
            var property = FindProperty(value.GetType(), name)
                ?? throw new GoTemplateException($"can't evaluate field {name} in type {value.GetType().Name}");
            value = property.GetValue(value);
        }
        return value;
    }

    private static PropertyInfo? FindProperty(Type type, string goName)
    {
        var name = goName == "ObjectMeta" ? "Metadata" : goName;
        return type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
    }

    /// <summary>Go's truth: false, 0, nil, and empty strings, lists and maps are false.</summary>
    private static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        Enum => true,
        int or long or double or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture) != 0,
        ICollection c => c.Count > 0,
        _ => true,
    };

    private static bool BasicEquals(object? a, object? b)
    {
        var (x, y) = (Basic(a), Basic(b));
        if (x is decimal dx && y is decimal dy) return dx == dy;
        if (x is null || y is null) return x is null && y is null;
        if (x.GetType() != y.GetType()) throw new GoTemplateException($"incompatible types for comparison: {Describe(a)} and {Describe(b)}");
        return x.Equals(y);
    }

    /// <summary>Strings (enums as Prow's string values), numbers as decimal, bools; other values compare as themselves.</summary>
    private static object? Basic(object? value) => value switch
    {
        Enum e => EnumName(e),
        int or long or double => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        _ => value,
    };

    private static string Format(object? value) => value switch
    {
        null => "<no value>",
        string s => s,
        bool b => b ? "true" : "false",
        Enum e => EnumName(e),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>An enum as Prow writes it: its JSON name (<c>presubmit</c>), else its lower-case name.</summary>
    private static string EnumName(Enum value)
    {
        var member = value.GetType().GetField(value.ToString());
        return member?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? value.ToString().ToLowerInvariant();
    }

    private static string Describe(object? value) => value?.GetType().Name ?? "nil";

    private abstract record Node;
    private sealed record TextNode(string Text) : Node;
    private sealed record PrintNode(Expr Expression) : Node;
    private sealed record IfNode(Expr Condition, List<Node> Then, List<Node> Else, bool IsWith) : Node;

    private abstract record Expr;
    private sealed record Literal(object? Value) : Expr;
    private sealed record Field(IReadOnlyList<string> Path) : Expr;
    private sealed record Call(string Function, List<Expr> Args) : Expr;

    private sealed class Parser(string text)
    {
        private int _position;

        public List<Node> ParseAll()
        {
            var nodes = ParseList(out var terminator);
            if (terminator is not null) throw Error($"unexpected {{{{{terminator}}}}}");
            return nodes;
        }

        /// <summary>Nodes up to an <c>else</c>/<c>end</c> action (returned as the terminator) or the end of the text.</summary>
        private List<Node> ParseList(out string? terminator)
        {
            var nodes = new List<Node>();
            while (_position < text.Length)
            {
                var open = text.IndexOf("{{", _position, StringComparison.Ordinal);
                var literalEnd = open < 0 ? text.Length : open;
                var literal = text[_position..literalEnd];
                var trimLeft = open >= 0 && open + 2 < text.Length && text[open + 2] == '-' && open + 3 < text.Length && char.IsWhiteSpace(text[open + 3]);
                if (trimLeft) literal = literal.TrimEnd();
                if (literal.Length > 0) nodes.Add(new TextNode(literal));
                if (open < 0)
                {
                    _position = text.Length;
                    break;
                }

                var start = open + (trimLeft ? 3 : 2);
                var close = text.IndexOf("}}", start, StringComparison.Ordinal);
                if (close < 0) throw Error("unclosed action", open);
                var trimRight = close - 1 >= start && text[close - 1] == '-' && close - 2 >= start && char.IsWhiteSpace(text[close - 2]);
                var body = text[start..(trimRight ? close - 1 : close)].Trim();
                _position = close + 2;
                if (trimRight)
                {
                    while (_position < text.Length && char.IsWhiteSpace(text[_position])) _position++;
                }

                if (body.StartsWith("/*", StringComparison.Ordinal) && body.EndsWith("*/", StringComparison.Ordinal)) continue;
                var keyword = body.Split(' ', 2)[0];
                switch (keyword)
                {
                    case "end":
                    case "else":
                        terminator = body;
                        return nodes;
                    case "if":
                    case "with":
                        nodes.Add(ParseBranch(body[keyword.Length..], keyword == "with", open));
                        break;
                    case "range" or "define" or "template" or "block" or "break" or "continue":
                        throw Error($"{keyword} is not supported", open);
                    default:
                        nodes.Add(new PrintNode(new ExpressionParser(body, this, open).ParsePipeline()));
                        break;
                }
            }
            terminator = null;
            return nodes;
        }

        private IfNode ParseBranch(string condition, bool isWith, int at)
        {
            var expression = new ExpressionParser(condition.Trim(), this, at).ParsePipeline();
            var then = ParseList(out var terminator);
            switch (terminator)
            {
                case "end":
                    return new IfNode(expression, then, [], isWith);
                case "else":
                    var otherwise = ParseList(out var end);
                    if (end != "end") throw Error(end is null ? "missing {{end}}" : $"unexpected {{{{{end}}}}}", at);
                    return new IfNode(expression, then, otherwise, isWith);
                case not null when terminator.StartsWith("else if ", StringComparison.Ordinal) && !isWith:
                    // {{else if X}} is {{else}}{{if X}} ... {{end}}, sharing the outer {{end}}.
                    return new IfNode(expression, then, [ParseBranch(terminator["else if ".Length..], isWith: false, at)], isWith);
                case null:
                    throw Error("missing {{end}}", at);
                default:
                    throw Error($"unexpected {{{{{terminator}}}}}", at);
            }
        }

        public GoTemplateException Error(string message, int? at = null)
        {
            var offset = at ?? _position;
            var line = 1 + text.AsSpan(0, Math.Min(offset, text.Length)).Count('\n');
            return new GoTemplateException($"template: {line}: {message}");
        }
    }

    private sealed class ExpressionParser(string source, Parser owner, int at)
    {
        private int _i;

        public Expr ParsePipeline()
        {
            var expression = ParseCommand();
            SkipSpace();
            if (_i < source.Length)
                throw owner.Error(source[_i] == '|' ? "pipelines (|) are not supported" : $"unexpected \"{source[_i..]}\" in action", at);
            return expression;
        }

        private Expr ParseCommand()
        {
            SkipSpace();
            if (_i < source.Length && char.IsLetter(source[_i]))
            {
                var name = ReadWhile(c => char.IsLetterOrDigit(c) || c == '_');
                if (name is "true" or "false") return new Literal(name == "true");
                if (name == "nil") return new Literal(null);
                var args = new List<Expr>();
                while (true)
                {
                    SkipSpace();
                    if (_i >= source.Length || source[_i] is ')' or '|') break;
                    args.Add(ParseOperand());
                }
                return new Call(name, args);
            }
            var operand = ParseOperand();
            SkipSpace();
            if (_i < source.Length && source[_i] is not (')' or '|'))
                throw owner.Error($"unexpected \"{source[_i..]}\" after an operand (only functions take arguments)", at);
            return operand;
        }

        private Expr ParseOperand()
        {
            SkipSpace();
            if (_i >= source.Length) throw owner.Error("missing value", at);
            var c = source[_i];
            if (c == '(')
            {
                _i++;
                var inner = ParseCommand();
                SkipSpace();
                if (_i >= source.Length || source[_i] != ')') throw owner.Error("unclosed left paren", at);
                _i++;
                return inner;
            }
            if (c == '.')
            {
                var chain = ReadWhile(ch => ch == '.' || char.IsLetterOrDigit(ch) || ch == '_');
                if (chain == ".") return new Field([]);
                var parts = chain.Split('.')[1..];
                if (parts.Any(p => p.Length == 0)) throw owner.Error($"bad field \"{chain}\"", at);
                return new Field(parts);
            }
            if (c == '"') return new Literal(ReadQuoted());
            if (c == '`')
            {
                var end = source.IndexOf('`', _i + 1);
                if (end < 0) throw owner.Error("unterminated raw string", at);
                var raw = source[(_i + 1)..end];
                _i = end + 1;
                return new Literal(raw);
            }
            if (char.IsDigit(c) || c == '-')
            {
                var number = ReadWhile(ch => char.IsDigit(ch) || ch == '-' || ch == '.');
                if (long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                    return new Literal(integer is >= int.MinValue and <= int.MaxValue ? (int)integer : integer);
                if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)) return new Literal(real);
                throw owner.Error($"bad number \"{number}\"", at);
            }
            if (c == '$') throw owner.Error("variables are not supported", at);
            if (char.IsLetter(c)) throw owner.Error($"function \"{ReadWhile(char.IsLetterOrDigit)}\" needs parentheses when used as an argument", at);
            throw owner.Error($"unexpected \"{c}\" in operand", at);
        }

        private string ReadQuoted()
        {
            var value = new StringBuilder();
            _i++;
            while (_i < source.Length && source[_i] != '"')
            {
                var c = source[_i++];
                if (c != '\\') value.Append(c);
                else if (_i < source.Length)
                {
                    var escaped = source[_i++];
                    value.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => escaped });
                }
            }
            if (_i >= source.Length) throw owner.Error("unterminated quoted string", at);
            _i++;
            return value.ToString();
        }

        private string ReadWhile(Func<char, bool> accept)
        {
            var start = _i;
            while (_i < source.Length && accept(source[_i])) _i++;
            return source[start.._i];
        }

        private void SkipSpace()
        {
            while (_i < source.Length && char.IsWhiteSpace(source[_i])) _i++;
        }
    }
}

/// <summary>A template could not be parsed or executed; the message reads like Go's.</summary>
public sealed class GoTemplateException(string message) : Exception(message);
