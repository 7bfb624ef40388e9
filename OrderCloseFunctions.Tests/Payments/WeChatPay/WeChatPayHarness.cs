using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Payments.Alipay;
using OrderClose.Stubs.WeChatPay;

namespace OrderClose.Tests.Payments.WeChatPay;

/// <summary>The real provider, built through AddWeChatPay and started like the host would, talking to a gateway stub.</summary>
internal sealed class WeChatPayHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private WeChatPayHarness(WeChatPayGatewayStub gateway, ServiceProvider services)
    {
        Gateway = gateway;
        _services = services;
        _services.GetRequiredService<IStartupValidator>().Validate();
        Provider = _services.GetRequiredService<IPaymentProvider>();
    }

    public WeChatPayGatewayStub Gateway { get; }

    public IPaymentProvider Provider { get; }

    /// <param name="overrides">Settings that differ from <see cref="WeChatPayServices.Build"/>'s.</param>
    public static async Task<WeChatPayHarness> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var gateway = await WeChatPayGatewayStub.StartAsync(WeChatPayTestAccount.Account, new FixedClock(WeChatPayServices.Now));
        return new WeChatPayHarness(gateway, WeChatPayServices.Build(overrides, gateway.BaseUrl));
    }

    /// <summary>Answers every call with <paramref name="transactionJson"/>, signed.</summary>
    public void AnswerEveryCall(string transactionJson) => Gateway.Respond = _ => new StubReply(200, transactionJson);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}
