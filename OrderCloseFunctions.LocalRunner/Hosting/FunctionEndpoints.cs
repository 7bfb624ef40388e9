using Microsoft.AspNetCore.Mvc;
using OrderClose.Functions;
using OrderClose.Functions.Http;
using OrderClose.LocalRunner.Messaging;

namespace OrderClose.LocalRunner.Hosting;

/// <summary>
/// The HTTP functions on the routes Core Tools gives them, invoked as the Functions ASP.NET Core integration
/// invokes them: the function class is made in the request's scope, gets the request and the route value, and
/// its <see cref="IActionResult"/> is executed by ASP.NET Core's executors. Like Core Tools, no keys: neither the function key
/// nor, on the ops routes, the admin key; the runner listens on loopback by default.
/// </summary>
public static class FunctionEndpoints
{
    public static IEndpointRouteBuilder MapFunctions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/orders", CreateOrderAsync);
        app.MapGet("/api/orders/{outTradeNo}", (HttpContext context, string outTradeNo) =>
            InvokeAsync<GetOrderFunction>(context, function => function.RunAsync(context.Request, outTradeNo, context.RequestAborted)));
        app.MapPost("/api/orders/{outTradeNo}/payment", (HttpContext context, string outTradeNo) =>
            InvokeAsync<StartPaymentFunction>(context, function => function.RunAsync(context.Request, outTradeNo, context.RequestAborted)));
        app.MapPost("/api/payments/{provider}/notify", (HttpContext context, string provider) =>
            InvokeAsync<PaymentNotifyFunction>(context, function => function.RunAsync(context.Request, provider, context.RequestAborted)));
        app.MapPost("/api/ops/close-queue/dead-letters/redrive", RedriveDeadLettersAsync);
        app.MapGet("/api/ops/orders", ListOrdersNeedingAttentionAsync);
        return app;
    }

    /// <summary>CreateOrder behind <see cref="CloseFirstAdmission"/>: while due closes wait for the dispatcher, a new order waits, then is refused.</summary>
    private static async Task CreateOrderAsync(HttpContext context)
    {
        if (!await context.RequestServices.GetRequiredService<CloseFirstAdmission>().AdmitAsync(context.RequestAborted))
        {
            context.Response.Headers.RetryAfter = "1";
            await Problems.Of(ProblemTypes.Unavailable, "Closes that are due come first, and the runner is catching up with them: retry this order after the Retry-After delay.")
                .ExecuteAsync(context);
            return;
        }
        await InvokeAsync<CreateOrderFunction>(context, function => function.RunAsync(context.Request, context.RequestAborted));
    }

    private static Task RedriveDeadLettersAsync(HttpContext context) =>
        InvokeAsync<RedriveDeadLettersFunction>(context, function => function.RunAsync(context.Request, context.RequestAborted));

    private static Task ListOrdersNeedingAttentionAsync(HttpContext context) =>
        InvokeAsync<ListOrdersNeedingAttentionFunction>(context, function => function.RunAsync(context.Request, context.RequestAborted));

    private static async Task InvokeAsync<TFunction>(HttpContext context, Func<TFunction, Task<IActionResult>> run)
        where TFunction : class
    {
        var function = Activator<TFunction>.Create(context.RequestServices, []);
        var result = await run(function);
        await result.ExecuteAsync(context);
    }

    private static class Activator<TFunction> where TFunction : class
    {
        public static readonly ObjectFactory<TFunction> Create = ActivatorUtilities.CreateFactory<TFunction>([]);
    }
}
