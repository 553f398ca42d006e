namespace Prow.Silo.Adapters.Kubernetes;

/// <summary>The watch's resourceVersion is no longer available (410 Gone): list again.</summary>
public sealed class WatchExpiredException(string message, Exception? inner = null) : Exception(message, inner);
