namespace Prow.Abstractions.Config.Jobs;

/// <summary>A repository to clone, with its base ref and pulls (Prow's <c>prowapi.Refs</c>).</summary>
public sealed class Refs
{
    public string Org { get; set; } = "";
    public string Repo { get; set; } = "";
    public string RepoLink { get; set; } = "";
    public string BaseRef { get; set; } = "";
    public string BaseSha { get; set; } = "";
    public string BaseLink { get; set; } = "";
    public List<Pull>? Pulls { get; set; }

    /// <summary>Clone location under $GOPATH/src.</summary>
    public string PathAlias { get; set; } = "";

    /// <summary>Run the test in this repository's directory.</summary>
    [YamlDotNet.Serialization.YamlMember(Alias = "workdir")]
    public bool WorkDir { get; set; }

    /// <summary>Not the repository under test: never reported as such.</summary>
    public bool Auxiliary { get; set; }

    public string CloneUri { get; set; } = "";
    public bool SkipSubmodules { get; set; }
    public int CloneDepth { get; set; }
    public bool SkipFetchHead { get; set; }
    public bool? BloblessFetch { get; set; }
    public List<string>? SparseCheckoutFiles { get; set; }
}
