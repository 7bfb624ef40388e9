namespace OrderClose.Payments.WeChatPay;

/// <summary>
/// Signs each attempt of a request, inside the resilience pipeline, so that a retry goes out with a fresh timestamp
/// and nonce rather than a copy of the first attempt's.
/// </summary>
internal sealed class WeChatPaySigningHandler(WeChatPayMerchantSigner signer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", signer.Authorization(request.Method.Method, request.RequestUri!.PathAndQuery, body));
        return await base.SendAsync(request, cancellationToken);
    }
}
