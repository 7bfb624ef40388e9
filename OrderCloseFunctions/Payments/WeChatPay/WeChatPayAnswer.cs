namespace OrderClose.Payments.WeChatPay;

/// <summary>
/// An answer of the WeChat Pay API that is not a failure that may pass: a 2xx whose signature verified, or a refusal
/// (4xx) with WeChat Pay's error <paramref name="Code"/> (e.g. <c>ORDER_NOT_EXIST</c>) and message.
/// </summary>
internal sealed record WeChatPayAnswer(int Status, string Body, string? Code = null, string? Message = null)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}
