using Prow.Abstractions.Jobs;

namespace Prow.Abstractions.Tests.Jobs;

public class JobStoragePathsTests
{
    private static GcsConfiguration Gcs(string strategy, string prefix = "") =>
        new() { Bucket = "bucket", PathStrategy = strategy, DefaultOrg = "kubernetes", DefaultRepo = "kubernetes", PathPrefix = prefix };

    private static ProwJob Job(ProwJobType type, string org = "kubernetes", string repo = "kubernetes", int? pull = 123) => new()
    {
        Metadata = new() { Name = "a-job-id" },
        Spec = new ProwJobSpec
        {
            Type = type,
            Job = "the-job",
            Refs = type == ProwJobType.Periodic ? null : new Refs { Org = org, Repo = repo, BaseRef = "main", Pulls = pull is { } n ? [new Pull { Number = n }] : null },
        },
        Status = new ProwJobStatus { BuildId = "456" },
    };

    [Theory]
    [InlineData("legacy", "kubernetes", "kubernetes", "pr-logs/pull/123/the-job/456")]
    [InlineData("legacy", "kubernetes", "test-infra", "pr-logs/pull/test-infra/123/the-job/456")]
    [InlineData("legacy", "kubernetes-sigs", "kind", "pr-logs/pull/kubernetes-sigs_kind/123/the-job/456")]
    [InlineData("single", "kubernetes", "kubernetes", "pr-logs/pull/123/the-job/456")]
    [InlineData("single", "kubernetes", "test-infra", "pr-logs/pull/kubernetes_test-infra/123/the-job/456")]
    [InlineData("explicit", "kubernetes", "kubernetes", "pr-logs/pull/kubernetes_kubernetes/123/the-job/456")]
    public void PresubmitPaths_FollowThePathStrategy(string strategy, string org, string repo, string expected) =>
        Assert.Equal(expected, JobStoragePaths.ForJob(Gcs(strategy), Job(ProwJobType.Presubmit, org, repo)));

    [Theory]
    [InlineData(ProwJobType.Periodic, "logs/the-job/456")]
    [InlineData(ProwJobType.Postsubmit, "logs/the-job/456")]
    [InlineData(ProwJobType.Batch, "pr-logs/pull/batch/the-job/456")]
    public void OtherTypes_HaveNoRepoSegment(ProwJobType type, string expected) =>
        Assert.Equal(expected, JobStoragePaths.ForJob(Gcs("explicit"), Job(type)));

    [Fact]
    public void PathPrefix_IsPutInFront_CleanedAsGoPathJoinDoes() =>
        Assert.Equal("/ci/jobs/logs/the-job/456", JobStoragePaths.ForJob(Gcs("explicit", "/ci//jobs/"), Job(ProwJobType.Postsubmit)));

    [Fact]
    public void PresubmitWithoutPull_IsRefusedWithTheReason()
    {
        var e = Assert.Throws<ArgumentException>(() => JobStoragePaths.ForJob(Gcs("explicit"), Job(ProwJobType.Presubmit, pull: null)));
        Assert.Contains("no pull request", e.Message);
    }

    [Theory]
    [InlineData("kubernetes-ci-logs", "gs", "kubernetes-ci-logs")]
    [InlineData("gs://kubernetes-ci-logs", "gs", "kubernetes-ci-logs")]
    [InlineData("s3://my-bucket/sub/dir", "s3", "my-bucket")]
    public void Buckets_AreReadAsProwReadsThem(string value, string provider, string bucket) =>
        Assert.Equal((provider, bucket), JobStoragePaths.ParseBucket(value));

    [Theory]
    [InlineData("")]
    [InlineData("gs://")]
    [InlineData("://bucket")]
    public void NoBucket_IsRefused(string value) => Assert.Throws<ArgumentException>(() => JobStoragePaths.ParseBucket(value));

    [Theory]
    [InlineData(new[] { "/view/", "gs", "b", "logs/j/1" }, "/view/gs/b/logs/j/1")]
    [InlineData(new[] { "", "gs", "b" }, "gs/b")]
    [InlineData(new[] { "a/./b", "../c" }, "a/c")]
    [InlineData(new[] { "", "" }, "")]
    public void Join_CleansLikeGo(string[] parts, string expected) => Assert.Equal(expected, JobStoragePaths.Join(parts));
}
