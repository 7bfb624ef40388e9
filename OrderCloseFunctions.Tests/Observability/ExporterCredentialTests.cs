using System.Diagnostics;
using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace OrderClose.Tests.Observability;

/// <summary>With <c>Authorization=AAD</c>, the exporter signs in with the process's one credential, the one the Azure clients use.</summary>
public sealed class ExporterCredentialTests
{
    [Fact]
    public async Task Entra_ID_telemetry_is_sent_with_the_process_s_one_credential()
    {
        using var probe = new ActivitySource($"OrderClose.Tests.Credential.{Guid.NewGuid():N}");
        var credential = new RecordingCredential();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Nothing listens there: the send fails after the exporter asked for its token (https: Azure.Core sends no token over http).
            [OrderClose.Telemetry.ConnectionStringSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/",
            [OrderClose.Telemetry.AuthenticationSetting] = "Authorization=AAD",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TokenCredential>(credential).AddOrderCloseTelemetry(configuration);
        services.Configure<AzureMonitorExporterOptions>(options => options.DisableOfflineStorage = true);
        services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(probe.Name));
        await using var provider = services.BuildServiceProvider();
        var tracer = provider.GetRequiredService<TracerProvider>();
        // The exporter joins the tracer provider from a hosted service, as in the worker.
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        Assert.Same(credential, provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<AzureMonitorExporterOptions>>().CurrentValue.Credential);
        // The exporter samples by rate: send until one trace is kept.
        var kept = false;
        for (var deadline = Stopwatch.StartNew(); !kept && deadline.Elapsed < TimeSpan.FromSeconds(10); await Task.Delay(100))
        {
            using var traced = probe.StartActivity("traced");
            kept = traced is { Recorded: true };
        }
        Assert.True(kept, "a trace was kept");
        tracer.ForceFlush(10_000);

        Assert.True(credential.Calls > 0, "the exporter asked the registered credential for a token");
    }

    private sealed class RecordingCredential : TokenCredential
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return new AccessToken("token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
