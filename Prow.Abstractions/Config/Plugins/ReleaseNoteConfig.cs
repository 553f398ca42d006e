namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>release_note:</c>.</summary>
public sealed class ReleaseNoteConfig
{
    public const string DefaultGuidelinesUrl = "https://git.k8s.io/community/contributors/guide/release-notes.md";

    public string GuidelinesUrl { get; set; } = "";
}
