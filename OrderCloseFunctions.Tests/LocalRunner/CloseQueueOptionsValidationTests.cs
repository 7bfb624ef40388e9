using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderClose.LocalRunner.Messaging;
using OrderClose.Orders;

namespace OrderClose.Tests.LocalRunner;

/// <summary>The runner's close queue settings are checked before it starts, not when the dispatcher first needs them.</summary>
public sealed class CloseQueueOptionsValidationTests
{
    private static ServiceProvider Build(string? setting = null, string? value = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(setting is null ? [] : [new KeyValuePair<string, string?>(setting, value)])
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddOptions<OrderOptions>();
        return services.AddLocalCloseQueue(configuration).BuildServiceProvider();
    }

    [Theory]
    [InlineData("CloseQueue:MaxConcurrentCalls", "0")]
    [InlineData("CloseQueue:MaxConcurrentCalls", "1001")]
    [InlineData("CloseQueue:MaxDeliveryCount", "0")]
    [InlineData("CloseQueue:LockDuration", "00:00:00")]
    [InlineData("CloseQueue:AdmissionMaxLag", "00:00:00")]
    [InlineData("CloseQueue:AdmissionMaxWait", "-00:00:01")]
    public void A_setting_out_of_range_stops_the_start_naming_it(string setting, string value)
    {
        using var services = Build(setting, value);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(setting, Assert.Single(failure.Failures));
    }

    [Fact]
    public void The_defaults_start_with_64_closes_at_once()
    {
        using var services = Build();

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(64, services.GetRequiredService<IOptions<CloseQueueOptions>>().Value.MaxConcurrentCalls);
    }
}
