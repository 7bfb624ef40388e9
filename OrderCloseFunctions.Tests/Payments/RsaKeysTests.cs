using System.Security.Cryptography;
using OrderClose.Payments;
using OrderClose.Tests.Payments.Alipay;

namespace OrderClose.Tests.Payments;

/// <summary>The key forms Alipay's key tool and console hand out.</summary>
public sealed class RsaKeysTests
{
    public static TheoryData<string> PrivateKeyForms()
    {
        using var key = TestKeys.App.PrivateKey();
        return
        [
            key.ExportPkcs8PrivateKeyPem(),
            key.ExportRSAPrivateKeyPem(),
            Convert.ToBase64String(key.ExportPkcs8PrivateKey()),
            Convert.ToBase64String(key.ExportRSAPrivateKey()),
        ];
    }

    public static TheoryData<string> PublicKeyForms()
    {
        using var key = TestKeys.App.PublicKey();
        return
        [
            key.ExportSubjectPublicKeyInfoPem(),
            Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()),
        ];
    }

    [Theory]
    [MemberData(nameof(PrivateKeyForms))]
    public void A_private_key_is_read_in_each_form(string text)
    {
        using var imported = RsaKeys.ImportPrivateKey(text);
        using var publicKey = TestKeys.App.PublicKey();

        var signature = imported.SignData("x"u8, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        Assert.True(publicKey.VerifyData("x"u8, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Theory]
    [MemberData(nameof(PublicKeyForms))]
    public void A_public_key_is_read_in_each_form(string text)
    {
        using var imported = RsaKeys.ImportPublicKey(text);
        using var privateKey = TestKeys.App.PrivateKey();

        var signature = privateKey.SignData("x"u8, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        Assert.True(imported.VerifyData("x"u8, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }
}
