using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderClose.Orders;

namespace OrderClose.Payments.WeChatPay;

/// <summary>
/// Calls the WeChat Pay API v3. Each attempt is signed by <see cref="WeChatPaySigningHandler"/>. A 2xx is believed
/// only when WeChat Pay's signature over it verifies. A refusal (4xx) is read for its error code without a signature
/// check, as WeChat Pay's SDKs read it (it may come unsigned): no code read from it moves an order to PAID unless a
/// signed query confirms it. Transport failures, 5xx, 408 and 429 (after the resilience pipeline's retries) become
/// <see cref="DependencyUnavailableException"/>.
/// </summary>
internal sealed class WeChatPayApiClient(
    HttpClient http,
    WeChatPayPlatformVerifier verifier,
    IOptions<WeChatPayOptions> options,
    ILogger<WeChatPayApiClient> logger)
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <param name="url">The path and query, e.g. <c>/v3/pay/transactions/out-trade-no/T1?mchid=1900000001</c>.</param>
    /// <param name="operation">What the call does, for logs and errors, e.g. <c>query</c>.</param>
    public async Task<WeChatPayAnswer> SendAsync(
        HttpMethod method, string url, object? body, string operation, string outTradeNo, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(options.Value.BaseUrl, url));
            if (body is not null)
            {
                request.Content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json");
            }
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return Read(response, text, operation, outTradeNo);
        }
        catch (Exception e) when (TransportFailures.IsTransportFailure(e, cancellationToken))
        {
            logger.LogWarning(e, "WeChat Pay {Operation} for {OutTradeNo} failed in transport", operation, outTradeNo);
            throw new DependencyUnavailableException($"WeChat Pay {operation} for {outTradeNo} failed: {e.GetType().Name}.", e);
        }
    }

    private WeChatPayAnswer Read(HttpResponseMessage response, string body, string operation, string outTradeNo)
    {
        var status = (int)response.StatusCode;
        if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
        {
            logger.LogWarning("WeChat Pay {Operation} for {OutTradeNo} answered HTTP {StatusCode}", operation, outTradeNo, status);
            throw new DependencyUnavailableException($"WeChat Pay {operation} for {outTradeNo} answered HTTP {status}.");
        }
        if (response.IsSuccessStatusCode)
        {
            var check = verifier.Check(name => Header(response, name), body);
            if (check != SignatureCheck.Valid)
            {
                logger.LogError("WeChat Pay {Operation} for {OutTradeNo}: the answer's signature check failed ({SignatureCheck}); not trusted",
                    operation, outTradeNo, check);
                throw new DependencyUnavailableException($"WeChat Pay {operation} for {outTradeNo}: the answer's signature check failed ({check}).");
            }
            logger.LogInformation("WeChat Pay {Operation} for {OutTradeNo}: HTTP {StatusCode}", operation, outTradeNo, status);
            return new WeChatPayAnswer(status, body);
        }
        var error = ReadError(body);
        logger.LogInformation("WeChat Pay {Operation} for {OutTradeNo}: HTTP {StatusCode}, code {Code}", operation, outTradeNo, status, error?.Code);
        return new WeChatPayAnswer(status, body, error?.Code, error?.Message);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static ErrorBody? ReadError(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<ErrorBody>(body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record ErrorBody(string? Code, string? Message);
}
