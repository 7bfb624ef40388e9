using System.Security.Cryptography;
using OrderClose.Payments.Alipay;

namespace OrderClose.Tests.Payments.Alipay;

/// <summary>RSA key pairs made once per test run, never committed.</summary>
internal static class TestKeys
{
    /// <summary>The merchant app's pair: the app signs requests with its private key.</summary>
    public static readonly TestKeyPair App = TestKeyPair.Generate();

    /// <summary>The stand-in for Alipay's pair: the stub signs responses and notifications with its private key.</summary>
    public static readonly TestKeyPair Alipay = TestKeyPair.Generate();

    /// <summary>Nobody the app or the stub trusts.</summary>
    public static readonly TestKeyPair Stranger = TestKeyPair.Generate();

    /// <summary>What Alipay holds: its own private key to sign, the app's public key to verify.</summary>
    public static AlipaySigner AlipaySide() => new(Alipay.PrivateKey(), App.PublicKey());
}

internal sealed record TestKeyPair(string PrivateKeyPem, string PublicKeyPem)
{
    public static TestKeyPair Generate()
    {
        using var rsa = RSA.Create(2048);
        return new TestKeyPair(rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem());
    }

    public RSA PrivateKey() => Imported(PrivateKeyPem);

    public RSA PublicKey() => Imported(PublicKeyPem);

    private static RSA Imported(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return rsa;
    }
}
