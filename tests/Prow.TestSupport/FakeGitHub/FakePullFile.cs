namespace Prow.TestSupport.FakeGitHub;

public sealed record FakePullFile(string Filename, string Status = "modified", int Additions = 1, int Deletions = 0, string? Patch = null, string? PreviousFilename = null);
