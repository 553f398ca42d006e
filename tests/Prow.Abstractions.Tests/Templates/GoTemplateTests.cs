using Prow.Abstractions.Jobs;
using Prow.Abstractions.Templates;

namespace Prow.Abstractions.Tests.Templates;

public sealed class GoTemplateTests
{
    /// <summary>kubernetes/test-infra's plank.job_url_template, as in the corpus config.</summary>
    private const string KubernetesJobUrlTemplate =
        "https://prow.k8s.io/view/gs/kubernetes-ci-logs/{{if eq .Spec.Type \"presubmit\"}}pr-logs/pull{{else if eq .Spec.Type \"batch\"}}pr-logs/pull{{else}}logs{{end}}" +
        "{{if .Spec.Refs}}{{if ne .Spec.Refs.Org \"\"}}{{if ne .Spec.Refs.Org \"kubernetes\"}}/{{if eq .Spec.Refs.Org \"kubernetes-sigs\"}}sigs.k8s.io{{else}}{{.Spec.Refs.Org}}{{end}}_{{.Spec.Refs.Repo}}" +
        "{{else if ne .Spec.Refs.Repo \"kubernetes\"}}/{{.Spec.Refs.Repo}}{{end}}{{end}}{{end}}" +
        "{{if eq .Spec.Type \"presubmit\"}}/{{with index .Spec.Refs.Pulls 0}}{{.Number}}{{end}}{{else if eq .Spec.Type \"batch\"}}/batch{{end}}/{{.Spec.Job}}/{{.Status.BuildID}}/";

    private static ProwJob Job(ProwJobType type, string org, string repo, string job = "pull-unit") => new()
    {
        Spec = new ProwJobSpec
        {
            Type = type,
            Job = job,
            Refs = type == ProwJobType.Periodic ? null : new Refs { Org = org, Repo = repo, Pulls = type == ProwJobType.Presubmit ? [new Pull { Number = 123 }] : null },
        },
        Status = new ProwJobStatus { BuildId = "456", State = ProwJobState.Pending },
    };

    public static TheoryData<ProwJobType, string, string, string> KubernetesUrls => new()
    {
        { ProwJobType.Presubmit, "kubernetes", "kubernetes", "https://prow.k8s.io/view/gs/kubernetes-ci-logs/pr-logs/pull/123/pull-unit/456/" },
        { ProwJobType.Presubmit, "kubernetes", "test-infra", "https://prow.k8s.io/view/gs/kubernetes-ci-logs/pr-logs/pull/test-infra/123/pull-unit/456/" },
        { ProwJobType.Presubmit, "kubernetes-sigs", "kind", "https://prow.k8s.io/view/gs/kubernetes-ci-logs/pr-logs/pull/sigs.k8s.io_kind/123/pull-unit/456/" },
        { ProwJobType.Postsubmit, "etcd-io", "etcd", "https://prow.k8s.io/view/gs/kubernetes-ci-logs/logs/etcd-io_etcd/pull-unit/456/" },
        { ProwJobType.Batch, "kubernetes", "kubernetes", "https://prow.k8s.io/view/gs/kubernetes-ci-logs/pr-logs/pull/batch/pull-unit/456/" },
        { ProwJobType.Periodic, "", "", "https://prow.k8s.io/view/gs/kubernetes-ci-logs/logs/pull-unit/456/" },
    };

    [Theory]
    [MemberData(nameof(KubernetesUrls))]
    public void Kubernetes_job_url_template_renders_as_prow_does(ProwJobType type, string org, string repo, string expected) =>
        Assert.Equal(expected, GoTemplate.Parse(KubernetesJobUrlTemplate).Execute(Job(type, org, repo)));

    [Fact]
    public void Cached_ParsesEachTextOnce_AndStillRefusesBadOnes()
    {
        const string text = "{{.Spec.Job}}/cached";
        Assert.Same(GoTemplate.Cached(text), GoTemplate.Cached(text));
        Assert.Throws<GoTemplateException>(() => GoTemplate.Cached("{{if .Spec.Job}}"));
    }

    [Fact]
    public void Crier_s_default_slack_template_renders_states_as_prow_writes_them() =>
        Assert.Equal("Job pull-unit of type presubmit ended with state pending. <|View logs>",
            GoTemplate.Parse("Job {{.Spec.Job}} of type {{.Spec.Type}} ended with state {{.Status.State}}. <{{.Status.URL}}|View logs>")
                .Execute(Job(ProwJobType.Presubmit, "o", "r")));

    [Theory]
    [InlineData("a {{- \" b \" -}} c", "a b c")]
    [InlineData("{{/* a comment */}}x", "x")]
    [InlineData("{{if and .Spec.Refs (not .Spec.Hidden)}}yes{{else}}no{{end}}", "yes")]
    [InlineData("{{or .Spec.Context \"fallback\"}}", "fallback")]
    [InlineData("{{len .Spec.Refs.Pulls}}", "1")]
    [InlineData("{{with .Spec.ExtraRefs}}extra{{else}}none{{end}}", "none")]
    [InlineData("{{eq .Status.BuildID \"1\" \"456\"}}", "true")]
    public void Supported_constructs(string template, string expected) =>
        Assert.Equal(expected, GoTemplate.Parse(template).Execute(Job(ProwJobType.Presubmit, "o", "r")));

    [Theory]
    [InlineData("{{if .Spec.Job}}x", "template: 1: missing {{end}}")]
    [InlineData("{{end}}", "template: 1: unexpected {{end}}")]
    [InlineData("{{range .Spec.Refs.Pulls}}{{end}}", "template: 1: range is not supported")]
    [InlineData("{{.Spec.Job | printf \"%s\"}}", "template: 1: pipelines (|) are not supported")]
    [InlineData("{{$x := 1}}", "template: 1: variables are not supported")]
    [InlineData("a\n{{.Spec.Job", "template: 2: unclosed action")]
    public void Unsupported_or_broken_templates_are_refused_with_a_reason(string template, string expected) =>
        Assert.Equal(expected, Assert.Throws<GoTemplateException>(() => GoTemplate.Parse(template)).Message);

    [Theory]
    [InlineData("{{.Spec.Nope}}", "can't evaluate field Nope in type ProwJobSpec")]
    [InlineData("{{.Spec.Refs.Org}}", "nil pointer evaluating .Org")]
    [InlineData("{{frobnicate .Spec.Job}}", "function \"frobnicate\" not defined")]
    public void Execution_errors_read_like_go_s(string template, string expected) =>
        Assert.Equal(expected, Assert.Throws<GoTemplateException>(() => GoTemplate.Parse(template).Execute(Job(ProwJobType.Periodic, "", ""))).Message);
}
