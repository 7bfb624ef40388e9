using Microsoft.Extensions.Options;

namespace OrderClose.Payments;

/// <summary>The URLs a provider is told to send its callbacks to: the PaymentNotify route under the public base URL.</summary>
public sealed class PaymentCallbacks(IOptions<PaymentCallbackOptions> options)
{
    /// <summary>PaymentNotify's route (<c>payments/{provider}/notify</c> under <c>api/</c>); a test holds the function to it.</summary>
    public static string NotifyPath(string payType) => $"api/payments/{payType.ToLowerInvariant()}/notify";

    public Uri NotifyUrl(string payType)
    {
        var baseUrl = options.Value.PublicBaseUrl!.AbsoluteUri;
        return new Uri(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), NotifyPath(payType));
    }

    internal static bool IsAllowed(Uri? url) =>
        url is { IsAbsoluteUri: true, Query: "", Fragment: "" }
        && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
}
