using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderClose.Orders;

namespace OrderClose.Payments.Alipay;

/// <summary>
/// Calls one trade method of the Alipay open API gateway: a signed form post, and a response whose signature is
/// checked before anything in it is believed. Transport failures become <see cref="DependencyUnavailableException"/>.
/// </summary>
internal sealed class AlipayGatewayClient(
    HttpClient http,
    AlipaySigner signer,
    AlipayCertificateParameters certificates,
    IOptions<AlipayOptions> options,
    TimeProvider clock,
    ILogger<AlipayGatewayClient> logger)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public Task<AlipayTradeResponse> CallAsync(string method, string outTradeNo, CancellationToken cancellationToken) =>
        CallAsync(method, outTradeNo, new TradeBizContent(outTradeNo), cancellationToken);

    /// <param name="bizContent">The method's parameters, written as JSON in snake_case (<c>biz_content</c>).</param>
    public async Task<AlipayTradeResponse> CallAsync(string method, string outTradeNo, object bizContent, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            using var content = new FormUrlEncodedContent(SignedRequest(method, bizContent));
            using var response = await http.PostAsync(options.Value.GatewayUrl, content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Alipay {Method} for {OutTradeNo} answered HTTP {StatusCode}", method, outTradeNo, (int)response.StatusCode);
                throw new DependencyUnavailableException($"Alipay {method} for {outTradeNo} answered HTTP {(int)response.StatusCode}.");
            }
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception e) when (TransportFailures.IsTransportFailure(e, cancellationToken))
        {
            logger.LogWarning(e, "Alipay {Method} for {OutTradeNo} failed in transport", method, outTradeNo);
            throw new DependencyUnavailableException($"Alipay {method} for {outTradeNo} failed: {e.GetType().Name}.", e);
        }

        var trade = ReadVerified(method, outTradeNo, body);
        logger.LogInformation("Alipay {Method} for {OutTradeNo}: code {Code}, sub_code {SubCode}", method, outTradeNo, trade.Code, trade.SubCode);
        return trade;
    }

    private Dictionary<string, string> SignedRequest(string method, object bizContent)
    {
        var parameters = AlipayRequest.Common(options.Value, certificates, method, clock.GetUtcNow());
        parameters["biz_content"] = JsonSerializer.Serialize(bizContent, Json);
        parameters["sign"] = signer.Sign(AlipaySigner.RequestString(parameters, "sign"));
        return parameters;
    }

    /// <summary>Alipay signs the exact text of the <c>{method}_response</c> value, so it is checked as received, before parsing.</summary>
    private AlipayTradeResponse ReadVerified(string method, string outTradeNo, string body)
    {
        var node = method.Replace('.', '_') + "_response";
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty(node, out var payload)
                && root.TryGetProperty("sign", out var sign)
                && sign.ValueKind == JsonValueKind.String
                && signer.Verify(payload.GetRawText(), sign.GetString())
                && payload.Deserialize<AlipayTradeResponse>(Json) is { Code: not null } trade)
            {
                return trade;
            }
        }
        catch (JsonException)
        {
            // Not JSON, or not the expected shape: as untrustworthy as a bad signature.
        }
        logger.LogError("Alipay {Method} for {OutTradeNo}: the response is not a validly signed {Node}; not trusted", method, outTradeNo, node);
        throw new DependencyUnavailableException($"Alipay {method} for {outTradeNo}: the response is not a validly signed {node}.");
    }

    private sealed record TradeBizContent(string OutTradeNo);
}
