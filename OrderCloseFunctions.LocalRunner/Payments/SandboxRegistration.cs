using OrderClose.LocalRunner.Hosting;
using OrderClose.LocalRunner.Storage;
using OrderClose.Orders.Ports;

namespace OrderClose.LocalRunner.Payments;

public static class SandboxRegistration
{
    public const string DatabaseKey = "sandbox";

    /// <summary>The sandbox provider (pay type SANDBOX), its ledger in <c>sandbox.db</c>, and its cashier.</summary>
    public static IServiceCollection AddSandboxPayments(this IServiceCollection services)
    {
        services.AddKeyedSingleton(DatabaseKey, (provider, _) =>
            SqliteDatabase.Open(provider.GetRequiredService<DataLocation>().File("sandbox.db"), DatabaseKey, SandboxTrades.Schema));
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<SandboxTrades>(
            provider, provider.GetRequiredKeyedService<SqliteDatabase>(DatabaseKey)));
        // Read once, when the first payment or callback needs it.
        services.AddSingleton(provider => new SandboxSigner(provider.GetRequiredService<SandboxTrades>().SigningKeyAsync().GetAwaiter().GetResult()));
        services.AddSingleton<SandboxPaymentLink>();
        services.AddSingleton<SandboxProvider>();
        services.AddSingleton<IPaymentProvider>(provider => provider.GetRequiredService<SandboxProvider>());
        services.AddHttpClient<SandboxCashier>();
        return services;
    }

    public static IEndpointRouteBuilder MapSandboxCashier(this IEndpointRouteBuilder app)
    {
        app.MapPost(SandboxCashier.Route, async (HttpContext context, string outTradeNo, SandboxCashier cashier) =>
            await (await cashier.PayAsync(outTradeNo, context.RequestAborted)).ExecuteAsync(context));
        app.MapPost(SandboxCashier.LateRoute, async (HttpContext context, string outTradeNo, SandboxCashier cashier) =>
            await (await cashier.PayLateAsync(outTradeNo, context.RequestAborted)).ExecuteAsync(context));
        app.MapGet(SandboxPaymentLink.Route, (string outTradeNo, HttpRequest request) => SandboxCashier.Page(outTradeNo, request));
        app.MapPost(SandboxPaymentLink.Route, async (HttpContext context, string outTradeNo, string? expiresAt, string? signature, SandboxCashier cashier) =>
            await (await cashier.PayThroughLinkAsync(outTradeNo, expiresAt, signature, context.RequestAborted)).ExecuteAsync(context));
        return app;
    }
}
