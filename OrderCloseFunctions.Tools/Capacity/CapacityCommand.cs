using System.CommandLine;
using OrderClose.Tools.CommandLine;

namespace OrderClose.Tools.Capacity;

/// <summary><c>capacity</c>: prints what a peak needs from each service and what a million orders cost (docs/capacity.md).</summary>
public static class CapacityCommand
{
    public const double DefaultOrdersPerSecond = 1000;
    public const double DefaultPaidRatio = 0.5;

    public static Command Create()
    {
        var ordersPerSecond = new Option<double>("--orders-per-second")
        {
            Description = "the peak: orders created per second, sustained longer than the payment timeout",
            HelpName = "N",
            DefaultValueFactory = _ => DefaultOrdersPerSecond,
            Validators = { FlagRule.Of<double>(rate => rate > 0, "must be positive") },
        };
        var paidRatio = new Option<double>("--paid-ratio")
        {
            Description = "share of the orders paid by callback before the deadline, 0 to 1; the rest are closed unpaid",
            HelpName = "R",
            DefaultValueFactory = _ => DefaultPaidRatio,
            Validators = { FlagRule.Of<double>(ratio => ratio is >= 0 and <= 1, "must lie between 0 and 1") },
        };
        var command = new Command("capacity", "Prints what a sustained peak needs from Service Bus, Cosmos DB, Functions and the provider, and what a million orders cost (docs/capacity.md).")
        {
            ordersPerSecond,
            paidRatio,
        };
        command.SetAction(async result =>
        {
            var plan = CapacityPlan.For(result.GetValue(ordersPerSecond), result.GetValue(paidRatio));
            await result.InvocationConfiguration.Output.WriteAsync(CapacityReport.ToTable(plan));
            return 0;
        });
        return command;
    }
}
