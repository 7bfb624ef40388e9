namespace OrderClose.Stubs.WeChatPay;

/// <summary>What the WeChat Pay stub answers, signed as WeChat Pay signs unless told otherwise.</summary>
public sealed record StubReply(int Status, string Body = "")
{
    public TimeSpan Delay { get; init; }

    /// <summary>Send no <c>Wechatpay-*</c> headers.</summary>
    public bool Unsigned { get; init; }

    /// <summary>Sign this text instead of <see cref="Body"/>: an answer changed after signing.</summary>
    public string? SignedText { get; init; }

    /// <summary>The key that signs; null: WeChat Pay's.</summary>
    public RsaKeyPair? SigningKey { get; init; }

    /// <summary>The <c>Wechatpay-Serial</c>; null: the account's public key id.</summary>
    public string? Serial { get; init; }

    /// <summary>How far the <c>Wechatpay-Timestamp</c> lies from the stub's clock.</summary>
    public TimeSpan Age { get; init; }

    public static StubReply Error(int status, string code, string message = "") =>
        new(status, $$"""{"code":"{{code}}","message":"{{message}}"}""");
}
