using Prow.Silo.Cli;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Cli;

public sealed class CheckConfigCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CheckConfigCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void ValidConfig_PrintsCountsAndExitsZero()
    {
        var config = _dir.Write("config.yaml", "prowjob_namespace: prow\n");
        var jobs = _dir.Write("jobs/org/repo.yaml", """
            presubmits:
              org/repo:
              - name: pull-a
                always_run: true
                spec: {containers: [{image: alpine}]}
              - name: pull-b
                spec: {containers: [{image: alpine}]}
            postsubmits:
              org/other:
              - name: post-a
                spec: {containers: [{image: alpine}]}
            periodics:
            - name: nightly
              interval: 24h
              spec: {containers: [{image: alpine}]}
            """);
        var (code, stdout, stderr) = Run("--config-path", config, "--job-config-path", Path.GetDirectoryName(Path.GetDirectoryName(jobs))!);
        Assert.True(code == 0, stderr);
        Assert.Contains("presubmits: 2", stdout);
        Assert.Contains("postsubmits: 1", stdout);
        Assert.Contains("periodics: 1", stdout);
        Assert.Contains("repos: 2", stdout);
    }

    [Fact]
    public void InvalidJob_PrintsFileLineKeyProblemAndExitsOne()
    {
        var config = _dir.Write("config.yaml", "prowjob_namespace: prow\n");
        var jobs = _dir.Write("jobs.yaml", """
            presubmits:
              org/repo:
              - name: pull-a
                always_run: true
                run_if_changed: '^docs/'
                spec: {containers: [{image: alpine}]}
            """);
        var (code, _, stderr) = Run("--config-path", config, "--job-config-path", jobs);
        Assert.Equal(1, code);
        var line = Assert.Single(stderr.Split('\n'), l => l.StartsWith(jobs + ":", StringComparison.Ordinal));
        Assert.Matches(@"^.+:\d+: [^:]+: .+$", line.TrimEnd());
    }

    [Fact]
    public void UnknownKey_IsWarningWithoutStrictAndErrorWithStrict()
    {
        var config = _dir.Write("config.yaml", "prowjob_namespace: prow\nnot_a_prow_key: 1\n");
        var lenient = Run("--config-path", config);
        Assert.Equal(0, lenient.Code);
        Assert.Contains($"{config}:2: not_a_prow_key: unknown field (warning)", lenient.Err);

        var strict = Run("--config-path", config, "--strict");
        Assert.Equal(1, strict.Code);
        Assert.Contains($"{config}:2: not_a_prow_key: unknown field", strict.Err);
        Assert.DoesNotContain("(warning)", strict.Err.Split('\n')[0]);
    }

    [Fact]
    public void MissingConfigFile_ExitsOneNamingTheFile()
    {
        var (code, _, stderr) = Run("--config-path", _dir.Combine("nope.yaml"));
        Assert.Equal(1, code);
        Assert.Contains("nope.yaml:0: --config-path: file not found", stderr);
    }

    [Theory]
    [InlineData(new string[0], "--config-path is required")]
    [InlineData(new[] { "--config-path" }, "flag -config-path needs a value")]
    [InlineData(new[] { "--frobnicate" }, "unknown flag -frobnicate")]
    public void BadCommandLine_ExitsTwo(string[] args, string message)
    {
        var (code, _, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
    }
}
