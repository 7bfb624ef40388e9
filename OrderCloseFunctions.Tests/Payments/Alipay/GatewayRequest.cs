using System.Text.Json;

namespace OrderClose.Tests.Payments.Alipay;

/// <summary>A request the gateway stub received: its form fields, and whether they carried the app's valid RSA2 signature.</summary>
internal sealed record GatewayRequest(IReadOnlyDictionary<string, string> Fields, bool SignatureValid)
{
    public string Method => Fields["method"];

    public string OutTradeNo
    {
        get
        {
            using var bizContent = JsonDocument.Parse(Fields["biz_content"]);
            return bizContent.RootElement.GetProperty("out_trade_no").GetString()!;
        }
    }
}
