namespace OrderClose.Payments;

internal static class GatewayUrls
{
    /// <summary>An absolute https URL; plain http only on loopback, for the test stubs.</summary>
    public static bool IsAllowed(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
}
