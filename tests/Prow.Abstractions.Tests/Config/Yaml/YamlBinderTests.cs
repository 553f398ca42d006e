using System.Text.Json.Nodes;
using Prow.Abstractions.Config.Yaml;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Prow.Abstractions.Tests.Config.Yaml;

public sealed class YamlBinderTests
{
    public sealed class Sample : SourceLocated
    {
        public string Name { get; set; } = "";
        public int Count { get; set; }
        public long? Big { get; set; }
        public bool Enabled { get; set; }
        public double Ratio { get; set; }
        public TimeSpan? Timeout { get; set; }
        public Color Color { get; set; }
        public List<string>? Tags { get; set; }
        public Dictionary<string, int>? Limits { get; set; }
        public JsonObject? Raw { get; set; }
        public Sample? Child { get; set; }

        [YamlMember(Alias = "renamed-key")]
        public string Renamed { get; set; } = "";

        [YamlInline]
        public Extra Extra { get; set; } = new();
    }

    public sealed class Extra
    {
        public string Note { get; set; } = "";
    }

    public enum Color { Red, Green }

    [Fact]
    public void Mapping_BindsEverySupportedShape()
    {
        var (sample, diagnostics) = Bind("""
            name: job
            count: 3
            big: 9000000000
            enabled: yes
            ratio: 0.5
            timeout: 1h30m
            color: green
            tags: [a, b]
            limits: {x: 1}
            raw: {a: 1, b: "1", c: true, d: null, e: [1.5, x]}
            child: {name: inner}
            renamed-key: r
            note: inline
            """);

        Assert.Empty(diagnostics);
        Assert.Equal("job", sample.Name);
        Assert.Equal(3, sample.Count);
        Assert.Equal(9_000_000_000L, sample.Big);
        Assert.True(sample.Enabled);
        Assert.Equal(0.5, sample.Ratio);
        Assert.Equal(TimeSpan.FromMinutes(90), sample.Timeout);
        Assert.Equal(Color.Green, sample.Color);
        Assert.Equal(["a", "b"], sample.Tags);
        Assert.Equal(1, sample.Limits!["x"]);
        Assert.Equal("""{"a":1,"b":"1","c":true,"d":null,"e":[1.5,"x"]}""", sample.Raw!.ToJsonString());
        Assert.Equal("inner", sample.Child!.Name);
        Assert.Equal("r", sample.Renamed);
        Assert.Equal("inline", sample.Extra.Note);
    }

    public static TheoryData<string, string, int, string, string> Problems => new()
    {
        { "unknown key", "name: a\nbogus: 1\n", 2, "bogus", "unknown field" },
        { "nested unknown key", "child:\n  nmae: a\n", 2, "child.nmae", "unknown field" },
        { "not an integer", "count: many\n", 1, "count", "invalid value \"many\": expected an integer" },
        { "not a duration", "timeout: 5 minutes\n", 1, "timeout", "expected a duration" },
        { "not a bool", "enabled: maybe\n", 1, "enabled", "expected true or false" },
        { "not an enum value", "color: blue\n", 1, "color", "expected one of red, green" },
        { "list instead of mapping", "child: [a]\n", 1, "child", "expected a mapping, got a list" },
        { "mapping instead of list", "tags: {a: b}\n", 1, "tags", "expected a list, got a mapping" },
        { "mapping instead of string", "name: {a: b}\n", 1, "name", "expected a string, got a mapping" },
        { "list item problem", "tags: [a, [b]]\n", 1, "tags[1]", "expected a string" },
        { "dictionary value problem", "limits:\n  x: 1\n  y: lots\n", 3, "limits.y", "expected an integer" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Problem_IsReportedWithLineAndPath(string scenario, string yaml, int line, string key, string problem)
    {
        var (_, diagnostics) = Bind(yaml);

        var diagnostic = Assert.Single(diagnostics);
        Assert.True(diagnostic.Line == line && diagnostic.Key == key && diagnostic.Problem.Contains(problem, StringComparison.Ordinal), $"{scenario}: {diagnostic}");
        Assert.Equal(scenario.Contains("unknown", StringComparison.Ordinal), diagnostic.IsUnknownKey);
        Assert.Equal(diagnostic.IsUnknownKey ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void SourceLocated_RemembersFileLineKeyPathAndKeyLines()
    {
        var diagnostics = new List<ConfigDiagnostic>();
        var context = new YamlBindContext("dir/file.yaml", diagnostics);
        var root = YamlBinder.Parse("items:\n- name: a\n- name: b\n  count: 2\n", context);

        var items = YamlBinder.Bind<Dictionary<string, List<Sample>>>(root, context)!["items"];

        Assert.Equal("dir/file.yaml", items[1].SourceFile);
        Assert.Equal(3, items[1].SourceLine);
        Assert.Equal("items[1]", items[1].SourceKey);
        Assert.Equal(4, items[1].LineOf("count"));
        Assert.Equal(3, items[1].LineOf("missing"));
        Assert.Equal("items[1].count", items[1].KeyPath("count"));
    }

    [Fact]
    public void ExplicitNull_LeavesNullableUnset()
    {
        var (sample, diagnostics) = Bind("big: ~\ntags: null\nname: 'null'\n");

        Assert.Empty(diagnostics);
        Assert.Null(sample.Big);
        Assert.Null(sample.Tags);
        Assert.Equal("null", sample.Name);
    }

    [Fact]
    public void Parse_SeveralDocuments_ReadsTheFirstAndWarnsAboutTheRest()
    {
        var diagnostics = new List<ConfigDiagnostic>();

        var root = YamlBinder.Parse("name: first\n---\nname: second\n---\n", new YamlBindContext("f.yaml", diagnostics));

        Assert.Equal("first", ((YamlScalarNode)((YamlMappingNode)root!).Children[new YamlScalarNode("name")]).Value);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(3, warning.Line);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("# only a comment\n", false)]
    [InlineData("key: [unclosed\n", true)]
    [InlineData("a: 1\na: 2\n", true)]
    public void Parse_EmptyOrInvalid_ReturnsNull(string yaml, bool reportsError)
    {
        var diagnostics = new List<ConfigDiagnostic>();

        var root = YamlBinder.Parse(yaml, new YamlBindContext("f.yaml", diagnostics));

        Assert.Null(root);
        Assert.Equal(reportsError, diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void MergeKeys_CopyKeysTheMappingDoesNotSet()
    {
        var (sample, diagnostics) = Bind("""
            child: &base {name: base, count: 1, tags: [a]}
            name: top
            <<: *base
            """);

        Assert.Empty(diagnostics);
        Assert.Equal("top", sample.Name);
        Assert.Equal(1, sample.Count);
        Assert.Equal(["a"], sample.Tags);
        Assert.Equal("base", sample.Child!.Name);
    }

    [Fact]
    public void MergeKeys_FromAList_EarlierSourceWins()
    {
        var (sample, diagnostics) = Bind("""
            limits: {x: 0}
            child:
              <<: [{name: first, count: 1}, {name: second, count: 2, ratio: 0.5}]
              count: 3
            """);

        Assert.Empty(diagnostics);
        Assert.Equal("first", sample.Child!.Name);
        Assert.Equal(3, sample.Child.Count);
        Assert.Equal(0.5, sample.Child.Ratio);
    }

    [Theory]
    [InlineData("MaxConcurrency", "max_concurrency")]
    [InlineData("Name", "name")]
    [InlineData("PodSpec", "pod_spec")]
    [InlineData("URLTemplate", "url_template")]
    [InlineData("GithubBranchSourceJob", "github_branch_source_job")]
    public void SnakeCase_FollowsGoJsonTags(string property, string key)
    {
        Assert.Equal(key, YamlBinder.SnakeCase(property));
    }

    private static (Sample Sample, List<ConfigDiagnostic> Diagnostics) Bind(string yaml)
    {
        var diagnostics = new List<ConfigDiagnostic>();
        var context = new YamlBindContext("test.yaml", diagnostics);
        var sample = YamlBinder.Bind<Sample>(YamlBinder.Parse(yaml, context), context) ?? new Sample();
        return (sample, diagnostics);
    }
}
