using OrderClose.Payments.Alipay;
using OrderClose.Stubs;

namespace OrderClose.Tests.Payments.Alipay;

/// <summary>RSA key pairs made once per test run, never committed.</summary>
internal static class TestKeys
{
    /// <summary>The merchant app's pair: the app signs requests with its private key.</summary>
    public static readonly RsaKeyPair App = RsaKeyPair.Generate();

    /// <summary>The stand-in for Alipay's pair: the stub signs responses and notifications with its private key.</summary>
    public static readonly RsaKeyPair Alipay = RsaKeyPair.Generate();

    /// <summary>Nobody the app or the stub trusts.</summary>
    public static readonly RsaKeyPair Stranger = RsaKeyPair.Generate();

    /// <summary>What Alipay holds: its own private key to sign, the app's public key to verify.</summary>
    public static AlipaySigner AlipaySide() => new(Alipay.PrivateKey(), App.PublicKey());
}
