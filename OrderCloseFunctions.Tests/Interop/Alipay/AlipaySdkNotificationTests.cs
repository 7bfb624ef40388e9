using System.Security.Cryptography;
using System.Text;
using OrderClose.Payments.Alipay;
using OrderClose.Tests.Payments.Alipay;
using static OrderClose.Tests.Payments.Alipay.AlipayNotifications;

namespace OrderClose.Tests.Interop.Alipay;

/// <summary>
/// The app reads a notification (<see cref="AlipayNotificationReader"/>) exactly when the official SDK's
/// <c>checkNotifySignV2</c> accepts it: the same form bodies go to both, and both verdicts must be the expected one.
/// </summary>
public sealed class AlipaySdkNotificationTests
{
    private sealed record Case(string Name, string Body, bool Accepted);

    [Fact]
    public async Task The_app_accepts_exactly_the_notifications_check_notify_sign_v2_accepts()
    {
        var cases = Cases().ToArray();

        var sdk = await AlipaySdk.CheckNotifySignV2Async(cases.Select(c => c.Body));

        var expected = cases.Select(c => $"{c.Name}: {Verdict(c.Accepted)}").ToArray();
        Assert.Equal(expected, cases.Select((c, i) => $"{c.Name}: {Verdict(sdk[i] == AlipaySdk.Accepted)}"));
        Assert.Equal(expected, cases.Select(c => $"{c.Name}: {Verdict(Verify(c.Body) is not null)}"));
    }

    /// <summary>The one difference, on purpose (README, Alipay): the app speaks RSA2 only, the SDK still takes SHA1withRSA.</summary>
    [Fact]
    public async Task Only_the_sdk_accepts_a_notification_signed_with_sha1_as_sign_type_rsa()
    {
        var fields = Notification(("sign_type", "RSA"));
        using var alipay = TestKeys.Alipay.PrivateKey();
        var sha1 = Convert.ToBase64String(alipay.SignData(Encoding.UTF8.GetBytes(AlipaySigner.NotificationString(fields, "sign_type")),
            HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
        var body = Encoded(fields.Append(new("sign", sha1)));

        Assert.Equal([AlipaySdk.Accepted], await AlipaySdk.CheckNotifySignV2Async([body]));
        Assert.Null(Verify(body));
    }

    private static string Verdict(bool accepted) => accepted ? "accepted" : "refused";

    private static IEnumerable<Case> Cases()
    {
        yield return new("as Alipay signs it", SignedBody(Notification()), true);
        yield return new("an empty passback_params", SignedBody(Notification(("passback_params", ""))), true);
        yield return new("two empty fields", SignedBody(Notification(("passback_params", ""), ("body", ""))), true);
        yield return new("% and + in values", SignedBody(Notification(("subject", "100% off+more a+b"), ("passback_params", "k=v&x=%41+%2B"))), true);
        yield return new("spaces encoded as %20", PercentEncoded(Notification(("subject", "a b+c 100%")), Sign(Notification(("subject", "a b+c 100%")), TestKeys.Alipay)), true);
        yield return new("a + sent unencoded reads as a space", SignedBody(Notification(("subject", "a+b"))).Replace("a%2Bb", "a+b"), false);
        yield return new("an empty field left out of the signature", SignedOver(Notification(("passback_params", "")),
            fields => AlipaySigner.RequestString(fields, "sign", "sign_type")), false);
        yield return new("signature covers sign_type=RSA2", SignedOver(Notification(), fields => AlipaySigner.NotificationString(fields, "sign")), true);
        yield return new("no sign_type", SignedBody(Without(Notification(), "sign_type")), true);
        yield return new("no sign_type, signature covers sign_type=RSA2",
            Encoded(Without(Notification(), "sign_type").Append(new("sign", SignString(AlipaySigner.NotificationString(Notification()), TestKeys.Alipay)))), true);
        yield return new("an empty sign_type", SignedBody(Notification(("sign_type", ""))), true);
        yield return new("an empty sign_type, signature covers sign_type=RSA2",
            Encoded(Notification(("sign_type", "")).Append(new("sign", SignString(AlipaySigner.NotificationString(Notification()), TestKeys.Alipay)))), true);
        yield return new("sign_type=RSA on an RSA2 signature", SignedBody(Notification(("sign_type", "RSA"))), false);
        yield return new("sign_type=SM2", SignedBody(Notification(("sign_type", "SM2"))), false);
        yield return new("a nameless field added", SignedBody(Notification()) + "&=x", true);
        yield return new("a value changed after signing", Tampered(Notification(), fields => fields["total_amount"] = "0.01"), false);
        yield return new("an empty field added after signing", Tampered(Notification(), fields => fields["passback_params"] = ""), false);
        yield return new("a field removed after signing", Tampered(Notification(), fields => fields.Remove("buyer_id")), false);
        yield return new("an empty field removed after signing", Tampered(Notification(("passback_params", "")), fields => fields.Remove("passback_params")), false);
        yield return new("an empty field filled after signing", Tampered(Notification(("passback_params", "")), fields => fields["passback_params"] = "x"), false);
        yield return new("signed by a stranger", SignedBody(Notification(), TestKeys.Stranger), false);
        yield return new("no sign", Encoded(Notification()), false);
        yield return new("a sign that is not base64", Encoded(Notification().Append(new("sign", "not base64!"))), false);
    }

    private static Dictionary<string, string> Without(Dictionary<string, string> fields, string field)
    {
        fields.Remove(field);
        return fields;
    }

    private static string SignedOver(Dictionary<string, string> fields, Func<Dictionary<string, string>, string> content) =>
        Encoded(fields.Append(new("sign", SignString(content(fields), TestKeys.Alipay))));

    private static string Tampered(Dictionary<string, string> fields, Action<Dictionary<string, string>> change)
    {
        var sign = Sign(fields, TestKeys.Alipay);
        change(fields);
        return Encoded(fields.Append(new("sign", sign)));
    }

    private static string PercentEncoded(Dictionary<string, string> fields, string sign) =>
        string.Join('&', fields.Append(new("sign", sign)).Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
}
