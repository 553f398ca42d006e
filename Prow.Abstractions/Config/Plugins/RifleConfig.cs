namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>rifle:</c>, which requests reviewers chosen from git blame data.</summary>
public sealed class RifleConfig : ReviewerRequestConfig;
