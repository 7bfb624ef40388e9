namespace OrderClose.Stubs.WeChatPay;

/// <summary>A request the WeChat Pay stub received: its Authorization header, and whether that was the merchant's, valid and fresh.</summary>
public sealed record StubRequest(string Method, string Url, string Body, string? Authorization, bool AuthorizationValid)
{
    public string Path => Url.Split('?')[0];
}
