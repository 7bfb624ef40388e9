using Microsoft.Extensions.Options;
using OrderClose.LocalRunner.Events;

namespace OrderClose.LocalRunner.Hosting;

/// <summary>What a newcomer needs once the runner is up: where it listens, where its data is, one command to try.</summary>
public static class StartupBanner
{
    /// <summary>Where events go and what a receiver checks them with: the webhook key, kept in the data folder.</summary>
    private static string Webhook(WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<WebhookOptions>>().Value.WebhookUrl is not { } url)
        {
            return "";
        }
        var key = app.Services.GetRequiredService<WebhookSignature>().KeyText;
        return $"  webhook    POST {url} each event, {WebhookSignature.SignatureHeader}: sha256=hex(HMAC-SHA256(key, {WebhookSignature.TimestampHeader} + \".\" + body))\n"
            + $"             key (base64) {key}\n";
    }

    public static void Print(WebApplication app, RunnerOptions options, TextWriter output)
    {
        var address = app.Services.GetRequiredService<RunnerAddress>().BaseAddress.ToString().TrimEnd('/');
        var data = app.Services.GetRequiredService<DataLocation>();
        output.WriteLine($$"""

            OrderClose local runner
              listening  {{address}}  (no function keys, like Core Tools)
              orders     {{(options.CosmosConnection is null ? $"SQLite, {data}" : "Cosmos DB (--cosmos)")}}
              closes     SQLite queue, {{data}}
              payments   SANDBOX (pay at POST {{address}}/sandbox/pay/{outTradeNo})
              try        curl -X POST {{address}}/api/orders -H 'content-type: application/json' -d '{"outTradeNo":"T1","amount":1999,"currency":"CNY","payType":"SANDBOX","paymentTimeoutSeconds":10}'
              Ctrl+C stops it; closes still pending fire when it starts again.
            {{Webhook(app)}}
            """);
    }
}
