namespace Prow.Abstractions.Config.Plugins;

/// <summary><c>blunderbuss:</c>, which requests reviewers from OWNERS files.</summary>
public sealed class BlunderbussConfig : ReviewerRequestConfig;
