namespace OrderClose.Tests.Payments.WeChatPay;

/// <summary>A request the WeChat Pay stub received, and whether its Authorization header was the merchant's, valid and fresh.</summary>
internal sealed record StubRequest(string Method, string Url, string Body, bool AuthorizationValid)
{
    public string Path => Url.Split('?')[0];
}
