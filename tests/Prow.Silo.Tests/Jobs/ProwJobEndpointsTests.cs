using System.Net;
using System.Text.Json.Nodes;
using Prow.Abstractions.Jobs;
using Prow.TestSupport;

namespace Prow.Silo.Tests.Jobs;

/// <summary>Deck's job endpoints over HTTP: /prowjobs.js, /prowjob, /log, /rerun, /abort.</summary>
public sealed class ProwJobEndpointsTests(JobHostFixture fixture) : IClassFixture<JobHostFixture>
{
    private JobHost Host => fixture.Host;
    private HttpClient Http => fixture.Host.Http;

    private async Task<ProwJob> StartAsync(ProwJob job)
    {
        await Host.Job(job.Name).Create(job);
        return await Host.WaitForAsync(job.Name, j => j.Status.State == ProwJobState.Pending, "pending");
    }

    private async Task<JsonArray> ItemsAsync(string query)
    {
        var response = await Http.GetAsync("/prowjobs.js" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["items"]!.AsArray();
    }

    [Fact]
    public async Task Prowjobs_js_lists_jobs_newest_first_with_deck_s_filters_and_omissions()
    {
        var older = await StartAsync(JobHostFixture.NewJob("list-old", ProwJobType.Presubmit, org: "list-org", repo: "one"));
        var newer = await StartAsync(JobHostFixture.NewJob("list-new", ProwJobType.Postsubmit, org: "list-org", repo: "two"));

        IReadOnlyList<string?> names = [];
        await Eventually.Until(async () =>
        {
            var items = await ItemsAsync("?org=list-org");
            names = items.Select(i => i!["spec"]!["job"]!.GetValue<string>()).ToList();
            return names.Count == 2 && items.All(i => i!["status"]!["state"]!.GetValue<string>() == "pending") ? names : null;
        }, TimeSpan.FromSeconds(10), "both jobs listed as pending");
        Assert.True(newer.Status.StartTime >= older.Status.StartTime);
        if (newer.Status.StartTime > older.Status.StartTime) Assert.Equal(["list-new", "list-old"], names);

        var onlyTwo = await ItemsAsync("?org=list-org&repo=two");
        Assert.Equal("list-new", Assert.Single(onlyTwo)!["spec"]!["job"]!.GetValue<string>());
        var byAuthor = await ItemsAsync("?owner=alice&org=list-org");
        Assert.Equal("list-old", Assert.Single(byAuthor)!["spec"]!["job"]!.GetValue<string>());

        var full = Assert.Single(await ItemsAsync("?org=list-org&repo=one"))!;
        Assert.NotNull(full["metadata"]!["labels"]);
        Assert.NotNull(full["spec"]!["pod_spec"]!["containers"]![0]!["image"]);

        var omitted = Assert.Single(await ItemsAsync("?org=list-org&repo=one&omit=annotations,labels,decoration_config,pod_spec"))!;
        Assert.Null(omitted["metadata"]!["labels"]);
        Assert.Null(omitted["metadata"]!["annotations"]);
        Assert.Equal("""{"containers":[{"name":"","resources":{}}]}""", omitted["spec"]!["pod_spec"]!.ToJsonString());
        Assert.Equal(older.Name, omitted["metadata"]!["name"]!.GetValue<string>());

        var onlyLabels = Assert.Single(await ItemsAsync("?org=list-org&repo=one&omit=labels"))!;
        Assert.Null(onlyLabels["metadata"]!["labels"]);
        Assert.NotNull(onlyLabels["metadata"]!["annotations"]);
    }

    [Fact]
    public async Task Prowjobs_js_with_var_is_javascript_and_a_bad_var_is_refused()
    {
        var response = await Http.GetAsync("/prowjobs.js?var=allBuilds&org=nobody-here");
        Assert.Equal("application/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("var allBuilds = {\"items\":[]};", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl is { NoCache: true, NoStore: true, MustRevalidate: true }, response.Headers.CacheControl?.ToString());

        var bad = await Http.GetAsync("/prowjobs.js?var=alert(1)//");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("var must be a JavaScript identifier\n", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Prowjob_returns_the_job_as_yaml_and_says_what_is_wrong_otherwise()
    {
        var job = await StartAsync(JobHostFixture.NewJob("yaml"));
        var response = await Http.GetAsync($"/prowjob?prowjob={job.Name}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var parsed = ProwJobJson.FromYaml(await response.Content.ReadAsStringAsync());
        Assert.Equal(job.Name, parsed.Name);
        Assert.Equal(ProwJobState.Pending, parsed.Status.State);

        var missing = await Http.GetAsync("/prowjob");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("request did not provide the 'prowjob' query parameter\n", await missing.Content.ReadAsStringAsync());
        var unknown = await Http.GetAsync("/prowjob?prowjob=nope");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("ProwJob not found: prowjobs.prow.k8s.io \"nope\" not found\n", await unknown.Content.ReadAsStringAsync());
        var huge = await Http.GetAsync("/prowjob?prowjob=" + new string('x', 5000));
        Assert.Equal(HttpStatusCode.NotFound, huge.StatusCode);
    }

    [Fact]
    public async Task Log_finds_the_build_by_job_and_id()
    {
        var job = await StartAsync(JobHostFixture.NewJob("logged"));
        fixture.Cluster.Logs[job.Name] = "hello from the test container\n";
        var response = await Http.GetAsync($"/log?job=logged&id={job.Status.BuildId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello from the test container\n", await response.Content.ReadAsStringAsync());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());

        Assert.Equal(HttpStatusCode.BadRequest, (await Http.GetAsync("/log?id=1")).StatusCode);
        var noId = await Http.GetAsync("/log?job=logged");
        Assert.Equal("request did not provide the 'id' query parameter\n", await noId.Content.ReadAsStringAsync());
        var unknown = await Http.GetAsync("/log?job=logged&id=1");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.StartsWith("Log not found: no build 1 of job logged", await unknown.Content.ReadAsStringAsync());
        var sidecar = await Http.GetAsync($"/log?job=logged&id={job.Status.BuildId}&container=sidecar");
        Assert.Equal(HttpStatusCode.NotFound, sidecar.StatusCode);
    }

    [Fact]
    public async Task Abort_needs_post_an_active_job_and_allow_anyone()
    {
        var open = await StartAsync(JobHostFixture.NewJob("abort-open", ProwJobType.Presubmit, org: "open-org", repo: "open-repo"));
        var closed = await StartAsync(JobHostFixture.NewJob("abort-closed", ProwJobType.Presubmit, org: "closed-org", repo: "closed-repo"));

        var get = await Http.GetAsync($"/abort?prowjob={open.Name}");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("bad verb GET\n", await get.Content.ReadAsStringAsync());

        var refused = await Http.PostAsync($"/abort?prowjob={closed.Name}", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("allow_anyone: true", await refused.Content.ReadAsStringAsync());

        var ok = await Http.PostAsync($"/abort?prowjob={open.Name}", null);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("Job successfully aborted.\n", await ok.Content.ReadAsStringAsync());
        var done = await Host.WaitForAsync(open.Name, j => j.Complete, "aborted job complete");
        Assert.Equal(ProwJobState.Aborted, done.Status.State);
        Assert.Equal($"Successfully aborted {open.Name}.", done.Status.Description);

        var again = await Http.PostAsync($"/abort?prowjob={open.Name}", null);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("Cannot abort job with state: \"aborted\".\n", await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Http.PostAsync("/abort?prowjob=nope", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Http.PostAsync("/abort", null)).StatusCode);
    }

    [Fact]
    public async Task Rerun_shows_the_new_job_on_get_and_creates_it_on_post_where_allowed()
    {
        var original = await StartAsync(JobHostFixture.NewJob("rerun-me", ProwJobType.Presubmit, org: "open-org", repo: "open-repo"));

        var preview = await Http.GetAsync($"/rerun?prowjob={original.Name}");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var shown = ProwJobJson.FromYaml(await preview.Content.ReadAsStringAsync());
        Assert.NotEqual(original.Name, shown.Name);
        Assert.Equal("rerun-me", shown.Spec.Job);
        Assert.Equal(ProwJobState.Triggered, shown.Status.State);
        Assert.Null(await Host.Job(shown.Name).Get());

        var created = await Http.PostAsync($"/rerun?prowjob={original.Name}", null);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("Job successfully triggered. Wait 30 seconds and refresh the page for the job to show up.\n", await created.Content.ReadAsStringAsync());
        await Eventually.Until(async () =>
        {
            var items = await ItemsAsync("?org=open-org");
            return items.Count(i => i!["spec"]!["job"]!.GetValue<string>() == "rerun-me") == 2 ? items : null;
        }, TimeSpan.FromSeconds(10), "the rerun listed beside the original");

        var closed = await StartAsync(JobHostFixture.NewJob("rerun-closed", ProwJobType.Presubmit, org: "closed-org", repo: "closed-repo"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Http.PostAsync($"/rerun?prowjob={closed.Name}", null)).StatusCode);
    }

    [Fact]
    public async Task Rerun_latest_takes_the_spec_from_the_current_config()
    {
        var periodic = await StartAsync(JobHostFixture.NewJob("nightly"));
        var latest = await Http.GetAsync($"/rerun?prowjob={periodic.Name}&mode=latest");
        Assert.Equal(HttpStatusCode.OK, latest.StatusCode);
        var shown = ProwJobJson.FromYaml(await latest.Content.ReadAsStringAsync());
        Assert.Equal("latest", shown.Spec.PodSpec!["containers"]![0]!["command"]![1]!.GetValue<string>());

        var unknown = await StartAsync(JobHostFixture.NewJob("not-in-config"));
        var refused = await Http.GetAsync($"/rerun?prowjob={unknown.Name}&mode=latest");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Could not create new prowjob: Failed getting prowjob spec: failed to find associated periodic job \"not-in-config\"\n",
            await refused.Content.ReadAsStringAsync());
    }
}
