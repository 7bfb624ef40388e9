using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderClose.Orders.Ports;

namespace OrderClose.Tests.Payments.Alipay;

/// <summary>The real provider, built through AddAlipay and started like the host would, talking to a gateway stub.</summary>
internal sealed class AlipayHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private AlipayHarness(AlipayGatewayStub gateway, ServiceProvider services)
    {
        Gateway = gateway;
        _services = services;
        _services.GetRequiredService<IStartupValidator>().Validate();
        Provider = _services.GetRequiredService<IPaymentProvider>();
    }

    public AlipayGatewayStub Gateway { get; }

    public IPaymentProvider Provider { get; }

    /// <param name="overrides">Settings that differ from <see cref="AlipayServices.Build"/>'s, e.g. <c>Alipay:Resilience:Retry:MaxRetryAttempts</c>.</param>
    public static async Task<AlipayHarness> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var gateway = await AlipayGatewayStub.StartAsync();
        var settings = new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>())
        {
            ["Alipay:GatewayUrl"] = gateway.Url.ToString(),
        };
        return new AlipayHarness(gateway, AlipayServices.Build(settings));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}
