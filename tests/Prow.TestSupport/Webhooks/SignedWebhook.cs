using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Prow.TestSupport.Webhooks;

/// <summary>Builds a webhook request as GitHub sends it: JSON body, event and delivery headers, X-Hub-Signature-256.</summary>
public static class SignedWebhook
{
    public static HttpRequestMessage Create(string eventType, string payload, string secret, string? deliveryId = null)
    {
        var body = Encoding.UTF8.GetBytes(payload);
        var request = new HttpRequestMessage(HttpMethod.Post, "/hook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", eventType);
        request.Headers.Add("X-GitHub-Delivery", deliveryId ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", Sign(body, secret));
        request.Headers.UserAgent.ParseAdd("GitHub-Hookshot/test");
        return request;
    }

    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
