using System.Net;
using Prow.Grains.Ports;

namespace Prow.Silo.Adapters.GitHub;

/// <summary>No usable credentials (missing token file, unreadable App key, no installation for an org).</summary>
public sealed class GitHubCredentialsException(string message, Exception? inner = null)
    : GitHubException(HttpStatusCode.Unauthorized, "credentials", message, inner);
