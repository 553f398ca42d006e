using Prow.Abstractions.Config.Yaml;

namespace Prow.Abstractions.Tests.Config;

public sealed class JobValidationTests
{
    private const string Spec = "spec: {containers: [{image: alpine, command: [true]}]}";

    public static TheoryData<string, string, int, string, string> InvalidJobs => new()
    {
        // case, job file, expected line, expected key, expected problem fragment
        { "run_if_changed bad regex", Pre("run_if_changed: '^(foo'"), 4, "presubmits.org/repo[0].run_if_changed", "invalid regex \"^(foo\"" },
        { "skip_if_only_changed bad regex", Pre("skip_if_only_changed: '[a'"), 4, "presubmits.org/repo[0].skip_if_only_changed", "invalid regex \"[a\"" },
        { "branches bad regex", Pre("branches: [main, '(x']"), 4, "presubmits.org/repo[0].branches[1]", "invalid regex \"(x\"" },
        { "skip_branches bad regex", Pre("skip_branches: ['*x']"), 4, "presubmits.org/repo[0].skip_branches[0]", "invalid regex \"*x\"" },
        { "trigger bad regex", Pre("trigger: '(?m)^/go('\n    rerun_command: /go"), 4, "presubmits.org/repo[0].trigger", "invalid regex" },
        { "lookahead is not RE2", Pre("run_if_changed: '^(?!docs/)'"), 4, "presubmits.org/repo[0].run_if_changed", "RE2" },
        { "rerun command must match trigger", Pre("trigger: (?m)^/go$\n    rerun_command: /run"), 5, "presubmits.org/repo[0].rerun_command", "does not match trigger" },
        { "trigger without rerun_command", Pre("trigger: (?m)^/go$"), 4, "presubmits.org/repo[0].trigger", "either both of trigger and rerun_command" },
        { "always_run with run_if_changed", Pre("always_run: true\n    run_if_changed: foo"), 5, "presubmits.org/repo[0].run_if_changed", "mutually exclusive" },
        { "always_run with skip_if_only_changed", Pre("always_run: true\n    skip_if_only_changed: foo"), 5, "presubmits.org/repo[0].skip_if_only_changed", "mutually exclusive" },
        { "run_if_changed with skip_if_only_changed", Pre("run_if_changed: a\n    skip_if_only_changed: b"), 5, "presubmits.org/repo[0].skip_if_only_changed", "mutually exclusive" },
        { "postsubmit always_run with run_if_changed", $"postsubmits:\n  org/repo:\n  - name: p\n    always_run: true\n    run_if_changed: a\n    {Spec}\n", 5, "postsubmits.org/repo[0].run_if_changed", "mutually exclusive" },
        { "duplicate presubmit on all branches", Pre("") + $"  - name: job\n    {Spec}\n", 5, "presubmits.org/repo[1].name", "duplicated presubmit job job" },
        { "duplicate presubmit on overlapping branches", Pre("branches: [main]") + $"  - name: job\n    branches: [main, dev]\n    {Spec}\n", 6, "presubmits.org/repo[1].name", "duplicated presubmit job" },
        { "two jobs one context", Pre("context: ci") + $"  - name: other\n    context: ci\n    {Spec}\n", 7, "presubmits.org/repo[1].context", "report to the same GitHub context \"ci\"" },
        { "invalid job name", Pre("").Replace("name: job", "name: 'bad name'"), 3, "presubmits.org/repo[0].name", "must match regex" },
        { "negative max_concurrency", Pre("max_concurrency: -1"), 4, "presubmits.org/repo[0].max_concurrency", "non-negative" },
        { "jenkins agent with a spec", Pre("agent: jenkins"), 4, "presubmits.org/repo[0].agent", "job specs require agent: kubernetes" },
        { "kubernetes agent without a spec", "presubmits:\n  org/repo:\n  - name: job\n", 3, "presubmits.org/repo[0].agent", "kubernetes jobs require a spec" },
        { "local agent without a spec", "presubmits:\n  org/repo:\n  - name: job\n    agent: local\n", 4, "presubmits.org/repo[0].agent", "local jobs require a spec" },
        { "tekton agent without pipeline spec", "presubmits:\n  org/repo:\n  - name: job\n    agent: tekton-pipeline\n", 4, "presubmits.org/repo[0].agent", "require a pipeline_run_spec" },
        { "namespace needs tekton", Pre("namespace: other"), 4, "presubmits.org/repo[0].namespace", "namespace customization" },
        { "error_on_eviction needs kubernetes", "periodics:\n- name: p\n  interval: 1h\n  agent: jenkins\n  error_on_eviction: true\n", 4, "periodics[0].agent", "error_on_eviction only applies" },
        { "decoration timeout not a duration", Pre("decoration_config: {timeout: soon}"), 4, "presubmits.org/repo[0].decoration_config.timeout", "invalid value \"soon\"" },
        { "decorated without utility images", Pre("decorate: true"), 3, "presubmits.org/repo[0].decoration_config", "utility image config is not specified" },
        { "max_concurrency not a number", Pre("max_concurrency: many"), 4, "presubmits.org/repo[0].max_concurrency", "expected an integer" },
        { "reserved env", Pre("").Replace("command: [true]", "command: [true], env: [{name: PULL_NUMBER, value: '1'}]"), 4, "presubmits.org/repo[0].spec", "env PULL_NUMBER is reserved" },
        { "two containers undecorated", Pre("").Replace("{image: alpine, command: [true]}", "{name: a, image: x}, {name: b, image: y}"), 4, "presubmits.org/repo[0].spec", "decoration must be enabled to use multiple containers" },
        { "undefined volume mount", Pre("").Replace("command: [true]", "command: [true], volumeMounts: [{name: cache, mountPath: /c}]"), 4, "presubmits.org/repo[0].spec", "volumeMount named \"cache\" is undefined" },
        { "label reserved", Pre("labels: {created-by-prow: 'true'}"), 4, "presubmits.org/repo[0].labels", "reserved for decoration" },
        { "label value invalid", Pre("labels: {team: 'a b'}"), 4, "presubmits.org/repo[0].labels", "has invalid value" },
        { "annotation key invalid", Pre("annotations: {'bad key': x}"), 4, "presubmits.org/repo[0].annotations", "invalid annotation key" },
        { "unknown job queue", Pre("job_queue_name: gpus"), 4, "presubmits.org/repo[0].job_queue_name", "invalid job queue name gpus" },
        { "rerun_auth allow_anyone and users", Pre("rerun_auth_config: {allow_anyone: true, github_users: [a]}"), 4, "presubmits.org/repo[0].rerun_auth_config", "allow anyone" },
        { "periodic without schedule", $"periodics:\n- name: p\n  {Spec}\n", 2, "periodics[0]", "at least one of cron, interval, or minimum_interval" },
        { "periodic cron and interval", $"periodics:\n- name: p\n  cron: '@daily'\n  interval: 1h\n  {Spec}\n", 4, "periodics[0].interval", "mutually exclusive" },
        { "periodic interval and minimum_interval", $"periodics:\n- name: p\n  interval: 1h\n  minimum_interval: 1h\n  {Spec}\n", 4, "periodics[0].minimum_interval", "mutually exclusive" },
        { "periodic invalid cron", $"periodics:\n- name: p\n  cron: '61 * * * *'\n  {Spec}\n", 3, "periodics[0].cron", "invalid cron string \"61 * * * *\"" },
        { "periodic cron with too few fields", $"periodics:\n- name: p\n  cron: '* * *'\n  {Spec}\n", 3, "periodics[0].cron", "expected 5 to 6 fields" },
        { "periodic invalid interval", $"periodics:\n- name: p\n  interval: 1 hour\n  {Spec}\n", 3, "periodics[0].interval", "cannot parse duration" },
        { "periodic invalid minimum_interval", $"periodics:\n- name: p\n  minimum_interval: 5x\n  {Spec}\n", 3, "periodics[0].minimum_interval", "cannot parse duration" },
        { "duplicate periodic", $"periodics:\n- name: p\n  interval: 1h\n  {Spec}\n- name: p\n  interval: 2h\n  {Spec}\n", 5, "periodics[1].name", "duplicated periodic job: p" },
    };

    [Theory]
    [MemberData(nameof(InvalidJobs))]
    public void InvalidJob_IsReportedWithFileLineAndKey(string scenario, string jobYaml, int line, string key, string problem)
    {
        using var temp = new TempConfig("plank:\n  job_queue_capacities: {cpu: 1}\n", ("team/jobs.yaml", jobYaml));

        var (config, diagnostics) = temp.Load();

        Assert.NotNull(config);
        var errors = TempConfig.Errors(diagnostics);
        var match = errors.FirstOrDefault(d => d.Key == key && d.Problem.Contains(problem, StringComparison.Ordinal));
        Assert.True(match is not null, $"{scenario}: no error {key}: ...{problem}... in\n{string.Join("\n", diagnostics)}");
        Assert.Equal("jobs/team/jobs.yaml", match.File);
        Assert.Equal(line, match.Line);
    }

    public static TheoryData<string, string> ValidJobs => new()
    {
        { "same name on disjoint branches", Pre("branches: [main]") + $"  - name: job\n    branches: [release-1.0]\n    {Spec}\n" },
        { "same name, one skips the other's branch", Pre("branches: [main]") + $"  - name: job\n    skip_branches: [main]\n    {Spec}\n" },
        { "custom trigger and rerun command", Pre("trigger: '(?m)^/go( |$)'\n    rerun_command: /go") },
        { "named group in Go syntax", Pre("run_if_changed: '^(?P<dir>docs)/'") },
        { "periodic with robfig step beyond range", $"periodics:\n- name: p\n  cron: '4 2-23/24 * * *'\n  {Spec}\n" },
        { "periodic with descriptor", $"periodics:\n- name: p\n  cron: '@every 90m'\n  {Spec}\n" },
        { "periodic with six fields", $"periodics:\n- name: p\n  cron: '0 30 6 * * MON-FRI'\n  {Spec}\n" },
        { "postsubmit same name on another repo", $"postsubmits:\n  a/b:\n  - name: p\n    {Spec}\n  a/c:\n  - name: p\n    {Spec}\n" },
        { "job queue that exists", Pre("job_queue_name: cpu") },
        { "local agent with a spec", Pre("agent: local") },
        { "tekton with pipeline spec", "presubmits:\n  org/repo:\n  - name: job\n    agent: tekton-pipeline\n    namespace: elsewhere\n    pipeline_run_spec: {pipelineRef: {name: p}}\n" },
    };

    [Theory]
    [MemberData(nameof(ValidJobs))]
    public void ValidJob_HasNoErrors(string scenario, string jobYaml)
    {
        using var temp = new TempConfig("plank:\n  job_queue_capacities: {cpu: 1}\n", ("jobs.yaml", jobYaml));

        var (config, diagnostics) = temp.Load(strict: true);

        Assert.NotNull(config);
        Assert.True(TempConfig.Errors(diagnostics).Count == 0, $"{scenario}:\n{string.Join("\n", diagnostics)}");
    }

    [Fact]
    public void UnknownAgent_IsAWarning()
    {
        using var temp = new TempConfig("", ("jobs.yaml", "periodics:\n- name: p\n  interval: 1h\n  agent: martian\n"));

        var (_, diagnostics) = temp.Load();

        var warning = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("periodics[0].agent", warning.Key);
        Assert.Contains("agent martian is unknown", warning.Problem, StringComparison.Ordinal);
    }

    /// <summary>A presubmit of org/repo named "job" with a spec and <paramref name="extra"/> lines.</summary>
    private static string Pre(string extra) =>
        "presubmits:\n  org/repo:\n  - name: job\n" + (extra.Length > 0 ? "    " + extra + "\n" : "") + $"    {Spec}\n";
}
