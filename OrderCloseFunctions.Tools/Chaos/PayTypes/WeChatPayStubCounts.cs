namespace OrderClose.Tools.Chaos.PayTypes;

/// <summary>What the WeChat Pay stub saw of the app in a chaos run: proof that its orders went through it.</summary>
/// <param name="RefusedSignatures">Requests whose Authorization was not the merchant's valid signature (401): 0 when the app signed right.</param>
public sealed record WeChatPayStubCounts(
    long NativeOrders,
    long Queries,
    long Closes,
    long RefundRequests,
    long CallbacksSent,
    long CallbacksAccepted,
    long CallbacksLost,
    long RefusedSignatures)
{
    /// <summary>One line for the report table.</summary>
    public override string ToString() =>
        $"WeChat Pay stub: native orders {NativeOrders}, queries {Queries}, closes {Closes}, refund requests {RefundRequests}, "
        + $"callbacks sent {CallbacksSent} (accepted {CallbacksAccepted}), lost {CallbacksLost}, refused signatures {RefusedSignatures}";
}
