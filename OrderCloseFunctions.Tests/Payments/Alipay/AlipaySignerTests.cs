using System.Security.Cryptography;
using OrderClose.Payments.Alipay;

namespace OrderClose.Tests.Payments.Alipay;

public sealed class AlipaySignerTests
{
    [Fact]
    public void The_canonical_string_sorts_ordinally_skips_empty_and_excluded_and_keeps_values_raw()
    {
        var parameters = new Dictionary<string, string>
        {
            ["b"] = "2",
            ["sign"] = "ignored",
            ["a"] = "1",
            ["empty"] = "",
            ["B"] = "upper",
            ["biz_content"] = """{"out_trade_no":"T 1&2"}""",
        };

        Assert.Equal("""B=upper&a=1&b=2&biz_content={"out_trade_no":"T 1&2"}""", AlipaySigner.RequestString(parameters, "sign"));
    }

    [Fact]
    public void The_notification_string_keeps_empty_values_and_drops_nameless_fields()
    {
        var fields = new Dictionary<string, string>
        {
            ["trade_status"] = "TRADE_SUCCESS",
            ["passback_params"] = "",
            ["sign"] = "ignored",
            [""] = "nameless",
            ["subject"] = "100%+a b",
        };

        Assert.Equal("passback_params=&subject=100%+a b&trade_status=TRADE_SUCCESS", AlipaySigner.NotificationString(fields, "sign"));
    }

    [Fact]
    public void A_signature_is_sha256_with_rsa_pkcs1_in_base64()
    {
        using var app = new AlipaySigner(TestKeys.App.PrivateKey(), TestKeys.Alipay.PublicKey());
        using var appPublicKey = TestKeys.App.PublicKey();

        var signature = app.Sign("a=1&b=2");

        Assert.True(appPublicKey.VerifyData("a=1&b=2"u8, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("bm90IGEgc2lnbmF0dXJl")]
    public void Anything_but_the_other_partys_signature_does_not_verify(string? signature)
    {
        using var app = new AlipaySigner(TestKeys.App.PrivateKey(), TestKeys.Alipay.PublicKey());

        Assert.False(app.Verify("a=1", signature));
    }

    [Fact]
    public void The_other_partys_signature_verifies()
    {
        using var app = new AlipaySigner(TestKeys.App.PrivateKey(), TestKeys.Alipay.PublicKey());
        using var alipay = TestKeys.AlipaySide();

        Assert.True(app.Verify("a=1", alipay.Sign("a=1")));
        Assert.False(app.Verify("a=2", alipay.Sign("a=1")));
    }
}
