using System.Text;
using Prow.Gateway.Webhooks;

namespace Prow.Gateway.Tests.Webhooks;

public sealed class HmacSecretsTests
{
    private const string Rotating = """
        '*':
        - value: global-token
          created_at: 2020-10-02T15:00:00Z
        kubernetes:
        - value: org-new
          created_at: 2021-01-01T00:00:00Z
        - value: org-old
          created_at: 2019-01-01T00:00:00Z
        kubernetes/test-infra:
        - value: repo-token
          created_at: 2021-01-01T00:00:00Z
        """;

    private static string[] Tokens(HmacSecrets secrets, string? org, string? repo) =>
        secrets.For(org, repo).Select(t => Encoding.UTF8.GetString(t)).ToArray();

    [Fact]
    public void PlainToken_AppliesEverywhere()
    {
        var secrets = HmacSecrets.Parse("  s3cret\n", "hmac");
        Assert.Equal(["s3cret"], Tokens(secrets, "any", "repo"));
        Assert.Equal(["s3cret"], Tokens(secrets, null, null));
    }

    public static TheoryData<string?, string?, string[]> Scopes => new()
    {
        { "kubernetes", "test-infra", ["repo-token"] },
        { "kubernetes", "kubernetes", ["org-new", "org-old"] },
        { "kubernetes", null, ["org-new", "org-old"] },
        { "other", "repo", ["global-token"] },
        { null, null, ["global-token"] },
    };

    [Theory]
    [MemberData(nameof(Scopes))]
    public void Mapping_MostSpecificScopeWins(string? org, string? repo, string[] expected) =>
        Assert.Equal(expected, Tokens(HmacSecrets.Parse(Rotating, "hmac"), org, repo));

    [Fact]
    public void Mapping_WithoutGlobal_UnknownOrgHasNoTokens() =>
        Assert.Empty(HmacSecrets.Parse("org:\n- value: t\n", "hmac").For("other", "r"));

    [Theory]
    [InlineData("", "hmac: the HMAC secret file is empty")]
    [InlineData("org: token\n", "hmac:1: org: expected a list of {value, created_at} tokens")]
    [InlineData("org:\n- created_at: 2020-01-01T00:00:00Z\n", "hmac:2: org: each token needs a non-empty value")]
    [InlineData("org: []\n", "hmac:1: org: no tokens listed")]
    public void BadFile_FormatExceptionSaysWhereAndWhy(string content, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => HmacSecrets.Parse(content, "hmac")).Message);

    [Fact]
    public void Verify_AnyTokenOfTheScope_AndNothingElse()
    {
        var body = Encoding.UTF8.GetBytes("{\"zen\":\"hi\"}");
        var tokens = HmacSecrets.Parse(Rotating, "hmac").For("kubernetes", "kubernetes");

        Assert.True(HmacVerifier.Verify(body, HmacVerifier.Sign(body, Encoding.UTF8.GetBytes("org-new")), tokens));
        Assert.True(HmacVerifier.Verify(body, HmacVerifier.Sign(body, Encoding.UTF8.GetBytes("org-old")), tokens));
        Assert.False(HmacVerifier.Verify(body, HmacVerifier.Sign(body, Encoding.UTF8.GetBytes("global-token")), tokens));
        Assert.False(HmacVerifier.Verify(body, HmacVerifier.Sign(body, Encoding.UTF8.GetBytes("repo-token")), tokens));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha1=0123")]
    [InlineData("sha256=")]
    [InlineData("sha256=zz")]
    [InlineData("sha256=00000000000000000000000000000000000000000000000000000000000000zz")]
    public void Verify_MalformedSignature_False(string signature) =>
        Assert.False(HmacVerifier.Verify("{}"u8, signature, [Encoding.UTF8.GetBytes("t")]));
}
