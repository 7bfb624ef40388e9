using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrderClose.Orders.Ports;
using OrderClose.Stubs.WeChatPay;

using static OrderClose.Tests.Payments.WeChatPay.WeChatPayCallbacks;

namespace OrderClose.Tests.Payments.WeChatPay;

public sealed class WeChatPayNotificationTests
{
    private static readonly DateTimeOffset Now = WeChatPayServices.Now;

    [Fact]
    public void A_paid_transaction_is_read()
    {
        var notification = Verify(Signed(Body(Transaction().ToJsonString()), Now));

        Assert.Equal(new PaymentNotification(
            OutTradeNo: "T1",
            Paid: true,
            AmountMinorUnits: 1999,
            PaidAt: new DateTimeOffset(2024, 5, 1, 16, 30, 5, TimeSpan.Zero),
            ProviderTradeNo: "4200000000202405020000000001"), notification);
    }

    [Theory]
    [InlineData("NOTPAY")]
    [InlineData("CLOSED")]
    public void A_transaction_that_is_not_paid_is_read_as_no_payment(string tradeState)
    {
        Assert.False(Verify(Signed(Body(Transaction(("trade_state", tradeState)).ToJsonString()), Now))?.Paid);
    }

    [Fact]
    public void Header_names_are_matched_whatever_their_case()
    {
        var signed = Signed(Body(Transaction().ToJsonString()), Now);
        var lowercase = new NotificationRequest(signed.Body, signed.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value));

        Assert.NotNull(Verify(lowercase));
    }

    [Fact]
    public void A_body_changed_after_signing_is_refused()
    {
        var signed = Signed(Body(Transaction().ToJsonString()), Now);

        Assert.Null(Verify(signed with { Body = signed.Body.Replace("TRANSACTION.SUCCESS", "TRANSACTION.FAILURE") }));
    }

    [Fact]
    public void A_callback_signed_by_anyone_but_wechat_pay_is_refused()
    {
        var body = Body(Transaction().ToJsonString());

        Assert.Null(Verify(new NotificationRequest(body, WeChatPayStubSigning.Headers(WeChatPayTestAccount.Account, body, Now, WeChatPayTestAccount.Stranger))));
    }

    [Fact]
    public void A_callback_signed_with_a_key_id_not_configured_is_refused()
    {
        var body = Body(Transaction().ToJsonString());

        Assert.Null(Verify(new NotificationRequest(body, WeChatPayStubSigning.Headers(WeChatPayTestAccount.Account, body, Now, serial: "PUB_KEY_ID_OTHER"))));
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(-301, false)] // a replay of a callback signed over 5 minutes ago
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void Only_a_callback_signed_within_the_window_is_read(int seconds, bool read)
    {
        Assert.Equal(read, Verify(Signed(Body(Transaction().ToJsonString()), Now.AddSeconds(seconds))) is not null);
    }

    [Theory]
    [InlineData("Wechatpay-Timestamp")]
    [InlineData("Wechatpay-Nonce")]
    [InlineData("Wechatpay-Signature")]
    [InlineData("Wechatpay-Serial")]
    public void A_callback_without_a_signature_header_is_refused(string header)
    {
        var signed = Signed(Body(Transaction().ToJsonString()), Now);
        var headers = new Dictionary<string, string>(signed.Headers);
        headers.Remove(header);

        Assert.Null(Verify(signed with { Headers = headers }));
    }

    [Fact]
    public void A_resource_encrypted_with_another_key_is_refused()
    {
        Assert.Null(Verify(Signed(Body(Transaction().ToJsonString(), apiV3Key: "ZZZZc3d4e5f6g7h8i9j0k1l2m3n4o5p6"), Now)));
    }

    [Fact]
    public void A_resource_whose_associated_data_was_changed_is_refused()
    {
        var body = Body(Transaction().ToJsonString());
        var tampered = JsonNode.Parse(body)!;
        tampered["resource"]!["associated_data"] = "refund";

        Assert.Null(Verify(Signed(tampered.ToJsonString(), Now)));
    }

    [Theory]
    [InlineData("mchid", "1900000999")]
    [InlineData("appid", "wx0000000000000000")]
    public void A_transaction_of_another_merchant_or_app_is_refused(string field, string value)
    {
        Assert.Null(Verify(Signed(Body(Transaction((field, value)).ToJsonString()), Now)));
    }

    [Fact]
    public void A_paid_transaction_without_an_amount_is_refused()
    {
        Assert.Null(Verify(Signed(Body(Transaction(("amount", null)).ToJsonString()), Now)));
    }

    [Theory]
    [InlineData("USD", 1999)]
    [InlineData("CNY", -1)]
    public void A_transaction_whose_amount_is_not_cny_fen_is_refused(string currency, long total)
    {
        var amount = new JsonObject { ["total"] = total, ["currency"] = currency };

        Assert.Null(Verify(Signed(Body(Transaction(("amount", amount)).ToJsonString()), Now)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"resource":{"original_type":"transaction","algorithm":"AEAD_AES_128_GCM","ciphertext":"AAAA","nonce":"fdasflkja484"}}""")]
    [InlineData("""{"resource":{"original_type":"refund","algorithm":"AEAD_AES_256_GCM","ciphertext":"AAAA","nonce":"fdasflkja484"}}""")]
    [InlineData("""{"resource":{"original_type":"transaction","algorithm":"AEAD_AES_256_GCM","ciphertext":"not base64","nonce":"fdasflkja484"}}""")]
    [InlineData("""{"resource":{"original_type":"transaction","algorithm":"AEAD_AES_256_GCM","ciphertext":"AAAA","nonce":"short"}}""")]
    public void A_signed_body_that_holds_no_encrypted_transaction_is_refused(string body)
    {
        Assert.Null(Verify(Signed(body, Now)));
    }

    [Fact]
    public void A_resource_that_decrypts_to_no_transaction_is_refused()
    {
        Assert.Null(Verify(Signed(Body("[1,2,3]"), Now)));
    }

    private static PaymentNotification? Verify(NotificationRequest request)
    {
        using var services = WeChatPayServices.Build();
        return services.GetRequiredService<IPaymentProvider>().Verify(request);
    }
}
