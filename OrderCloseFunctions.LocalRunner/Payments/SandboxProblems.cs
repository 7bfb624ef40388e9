using OrderClose.Functions.Http;

namespace OrderClose.LocalRunner.Payments;

/// <summary>The problems only the sandbox's cashier answers with (beside the app's <see cref="ProblemTypes"/>).</summary>
public static class SandboxProblems
{
    public static readonly ProblemType TradeClosed = new("trade-closed", StatusCodes.Status409Conflict, "The trade is closed.");
    public static readonly ProblemType InvalidCashierLink = new("invalid-cashier-link", StatusCodes.Status400BadRequest, "Not a cashier link.");

    public static IReadOnlyList<ProblemType> All { get; } = ProblemTypes.In(typeof(SandboxProblems));
}
