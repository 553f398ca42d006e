namespace Prow.Silo.Tests.Adapters.ExternalPlugins;

internal sealed record ReceivedRequest(IReadOnlyDictionary<string, string> Headers, byte[] Body, int AnsweredWith);
