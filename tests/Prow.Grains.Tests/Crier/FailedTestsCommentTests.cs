using Prow.Abstractions.GitHub;
using Prow.Abstractions.Jobs;
using Prow.Grains.Crier;
using Prow.Grains.Plugins;

namespace Prow.Grains.Tests.Crier;

/// <summary>The failed-tests comment, checked against Prow's github/report (parseIssueComments, createEntry, createComment).</summary>
public sealed class FailedTestsCommentTests
{
    private const string HeadSha = "0123456789abcdef0123456789abcdef01234567";
    private static readonly Func<string, bool> IsBot = FailedTestsComment.BotChecker("prow-bot");

    private static ProwJob Done(string context, ProwJobState state, bool? optional = null)
    {
        var job = GitHubReportTests.Job(state: state, description: "", context: context, url: $"https://prow.example.com/view/{context}");
        job.Status.CompletionTime = DateTimeOffset.UnixEpoch;
        if (optional is { } o) job.Metadata.Labels = new() { [ProwJobLabels.IsOptional] = o ? "true" : "false" };
        return job;
    }

    private static string Row(string context, string required = "unknown") =>
        $"{context} | {HeadSha} | [link](https://prow.example.com/view/{context}) | {required} | `/test {context}`";

    private static IssueComment Comment(long id, string body, string login = "prow-bot") => new() { Id = id, Body = body, User = new User { Login = login } };

    private static string Expected(params string[] rows) =>
        $"@alice: The following test{(rows.Length > 1 ? "s" : "")} **failed**, say `/retest` to rerun all failed tests or `/retest-required` to rerun all mandatory failed tests:\n"
        + "\n"
        + "Test name | Commit | Details | Required | Rerun command\n"
        + "--- | --- | --- | --- | ---\n"
        + string.Join("", rows.Select(r => r + "\n"))
        + "\n"
        + "<details>\n"
        + "\n"
        + PluginResponses.AboutThisBot + "\n"
        + "</details>\n"
        + "<!-- test report -->";

    [Fact]
    public void A_first_failure_creates_the_comment_in_Prows_format()
    {
        var plan = FailedTestsComment.Plan([Done("pull-unit", ProwJobState.Failure, optional: false)], null, IsBot, [])!;

        Assert.Empty(plan.Deletes);
        Assert.Equal(0, plan.UpdateId);
        Assert.Equal(Expected(Row("pull-unit", "true")), plan.Body);
    }

    /// <summary>kubernetes' plank.report_templates['*'] from the corpus config, rendered between the table and the details block.</summary>
    [Fact]
    public void The_repos_report_template_follows_the_table()
    {
        const string template = "[Full PR test history](https://prow.k8s.io/pr-history?org={{.Spec.Refs.Org}}&repo={{.Spec.Refs.Repo}}&pr={{with index .Spec.Refs.Pulls 0}}{{.Number}}{{end}}). "
            + "[Your PR dashboard](https://prow.k8s.io/pr?query=is%3Apr%20state%3Aopen%20author%3A{{with index .Spec.Refs.Pulls 0}}{{.Author}}{{end}}).";

        var plan = FailedTestsComment.Plan([Done("pull-unit", ProwJobState.Failure, optional: false)], null, IsBot, [], reportTemplate: template)!;

        var expected = Expected(Row("pull-unit", "true")).Replace(
            "\n\n<details>",
            "\n\n[Full PR test history](https://prow.k8s.io/pr-history?org=org&repo=repo&pr=7). [Your PR dashboard](https://prow.k8s.io/pr?query=is%3Apr%20state%3Aopen%20author%3Aalice).\n\n<details>",
            StringComparison.Ordinal);
        Assert.Equal(expected, plan.Body);
    }

    [Fact]
    public void A_report_template_failing_on_the_job_throws_so_the_report_is_retried() =>
        Assert.Throws<Prow.Abstractions.Templates.GoTemplateException>(() =>
            FailedTestsComment.Plan([Done("pull-unit", ProwJobState.Failure)], null, IsBot, [], reportTemplate: "{{with index .Spec.Refs.Pulls 3}}{{.Number}}{{end}}"));

    [Theory]
    [InlineData("org/repo", "repo")]
    [InlineData("org/other", "org")]
    [InlineData("else/where", "any")]
    public void The_report_template_is_the_most_specific_one(string orgRepo, string expected)
    {
        var plank = new Prow.Abstractions.Config.Controllers.PlankConfig { ReportTemplates = new() { ["*"] = "any", ["org"] = "org", ["org/repo"] = "repo" } };
        var parts = orgRepo.Split('/');
        Assert.Equal(expected, FailedTestsComment.ReportTemplateFor(plank, new Refs { Org = parts[0], Repo = parts[1] }));
        Assert.Null(FailedTestsComment.ReportTemplateFor(new Prow.Abstractions.Config.Controllers.PlankConfig(), new Refs { Org = "org", Repo = "repo" }));
    }

    [Theory]
    [InlineData(null, "unknown")]
    [InlineData(true, "false")]
    [InlineData(false, "true")]
    public void Required_comes_from_the_is_optional_label(bool? optional, string required) =>
        Assert.Equal(Row("pull-unit", required), FailedTestsComment.Entry(Done("pull-unit", ProwJobState.Failure, optional)));

    [Fact]
    public void Another_failure_replaces_the_comment_with_both_rows()
    {
        var existing = Comment(11, Expected(Row("pull-unit")));
        var plan = FailedTestsComment.Plan([Done("pull-lint", ProwJobState.Failure)], null, IsBot, [existing])!;

        // A new failure deletes the comment and creates it again (the author is notified), as Prow does.
        Assert.Equal([11L], plan.Deletes);
        Assert.Equal(0, plan.UpdateId);
        Assert.Equal(Expected(Row("pull-unit"), Row("pull-lint")), plan.Body);
    }

    [Fact]
    public void The_same_test_failing_again_keeps_one_row()
    {
        var existing = Comment(11, Expected(Row("pull-unit"), Row("pull-lint")));
        var plan = FailedTestsComment.Plan([Done("pull-unit", ProwJobState.Failure)], null, IsBot, [existing])!;

        Assert.Equal([11L], plan.Deletes);
        Assert.Equal(Expected(Row("pull-lint"), Row("pull-unit")), plan.Body);
    }

    [Fact]
    public void A_passing_test_loses_its_row_and_the_comment_is_edited()
    {
        var existing = Comment(11, Expected(Row("pull-unit"), Row("pull-lint")));
        var plan = FailedTestsComment.Plan([Done("pull-unit", ProwJobState.Success)], null, IsBot, [existing])!;

        Assert.Empty(plan.Deletes);
        Assert.Equal(11, plan.UpdateId);
        Assert.Equal(Expected(Row("pull-lint")), plan.Body);
    }

    [Fact]
    public void The_last_row_passing_deletes_the_comment()
    {
        var existing = Comment(11, Expected(Row("pull-unit")));
        var plan = FailedTestsComment.Plan([Done("pull-unit", ProwJobState.Success)], null, IsBot, [existing])!;

        Assert.Equal([11L], plan.Deletes);
        Assert.Null(plan.Body);
    }

    [Fact]
    public void A_pass_without_a_comment_writes_nothing()
    {
        var plan = FailedTestsComment.Plan([Done("pull-unit", ProwJobState.Success)], null, IsBot, [])!;
        Assert.Empty(plan.Deletes);
        Assert.Null(plan.Body);
    }

    [Theory]
    [InlineData(ProwJobState.Error)]
    [InlineData(ProwJobState.Aborted)]
    public void Errors_and_aborts_remove_the_row_but_add_none(ProwJobState state)
    {
        // Prow adds rows only for "failure" (the GitHub state name); error and aborted just replace the old result.
        var existing = Comment(11, Expected(Row("pull-unit"), Row("pull-lint")));
        var plan = FailedTestsComment.Plan([Done("pull-unit", state)], null, IsBot, [existing])!;
        Assert.Equal(11, plan.UpdateId);
        Assert.Equal(Expected(Row("pull-lint")), plan.Body);
    }

    [Fact]
    public void Older_report_comments_are_deleted_and_only_the_bots_tagged_comments_count()
    {
        var comments = new[]
        {
            Comment(1, Expected(Row("pull-old"))),
            Comment(2, Expected(Row("pull-human")), login: "mallory"),
            Comment(3, "just a comment\n--- | ---\nnot a row"),
            Comment(4, Expected(Row("pull-lint"))),
        };
        var plan = FailedTestsComment.Plan([Done("pull-unit", ProwJobState.Success)], null, IsBot, comments)!;

        Assert.Equal([1L], plan.Deletes);
        Assert.Equal(4, plan.UpdateId);
        // Rows of every tagged bot comment are read back (Prow's parse), the later one of a test wins.
        Assert.Equal(Expected(Row("pull-old"), Row("pull-lint")), plan.Body);
    }

    [Fact]
    public void An_app_bot_matches_with_the_bot_suffix() =>
        Assert.True(FailedTestsComment.BotChecker("prow-app")("prow-app[bot]"));

    [Fact]
    public void Incomplete_unreported_and_batch_jobs_touch_no_comment()
    {
        var running = GitHubReportTests.Job(state: ProwJobState.Pending);
        Assert.Null(FailedTestsComment.Plan([running], null, IsBot, []));
        var skipped = Done("pull-unit", ProwJobState.Failure);
        skipped.Spec.Report = false;
        Assert.Null(FailedTestsComment.Plan([skipped], null, IsBot, []));
        var batch = Done("pull-unit", ProwJobState.Failure);
        batch.Spec.Refs!.Pulls!.Add(new Pull { Number = 8, Sha = "x" });
        Assert.Null(FailedTestsComment.Plan([batch], null, IsBot, []));
    }

    [Fact]
    public void Must_create_writes_all_tests_passed()
    {
        var plan = FailedTestsComment.Plan([Done("pull-unit", ProwJobState.Success)], null, IsBot, [], mustCreate: true)!;
        Assert.Equal("@alice: all tests **passed!**\n\n\n<details>\n\n" + PluginResponses.AboutThisBot + "\n</details>\n<!-- test report -->", plan.Body);
    }
}
