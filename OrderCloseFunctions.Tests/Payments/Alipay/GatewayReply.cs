namespace OrderClose.Tests.Payments.Alipay;

/// <summary>What the gateway stub answers, after <paramref name="Delay"/>.</summary>
internal sealed record GatewayReply(int StatusCode, string Body, TimeSpan Delay = default);
