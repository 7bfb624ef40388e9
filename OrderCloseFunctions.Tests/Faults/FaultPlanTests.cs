using OrderClose.Tools.Faults;

namespace OrderClose.Tests.Faults;

public sealed class FaultPlanTests
{
    private static FaultPlan Plan(string enabled, double rate = 0.3, int seed = 42) =>
        new(new FaultOptions { Enabled = FaultOptions.Parse(enabled), Rate = rate, Seed = seed });

    private static bool[] Decisions(FaultPlan plan, string kind) =>
        [.. Enumerable.Range(0, 200).Select(i => plan.Strikes(kind, $"T{i % 50}"))];

    [Fact]
    public void The_same_seed_strikes_the_same_calls_and_another_seed_others()
    {
        var first = Decisions(Plan("store"), FaultKinds.StoreError);

        Assert.Equal(first, Decisions(Plan("store"), FaultKinds.StoreError));
        Assert.NotEqual(first, Decisions(Plan("store", seed: 43), FaultKinds.StoreError));
    }

    [Fact]
    public void It_strikes_about_the_rate_and_counts_what_it_injected_by_kind()
    {
        var plan = Plan("store");

        var struck = Decisions(plan, FaultKinds.StoreError).Count(hit => hit);

        Assert.InRange(struck, 40, 80);
        Assert.Equal(struck, plan.Injected[FaultKinds.StoreError]);
        Assert.Equal(0, plan.Injected[FaultKinds.StoreLostRace]);
    }

    [Fact]
    public void A_port_or_kind_that_is_off_never_strikes_nor_is_listed()
    {
        var plan = Plan("provider.wrongAnswer", rate: 1);

        Assert.False(plan.Strikes(FaultKinds.StoreError, "T1"));
        Assert.False(plan.Strikes(FaultKinds.Provider5xx, "T1"));
        Assert.True(plan.Strikes(FaultKinds.ProviderWrongAnswer, "T1"));
        Assert.Equal([FaultKinds.ProviderWrongAnswer], plan.Injected.Keys);
    }

    [Fact]
    public void A_first_only_fault_strikes_no_later_call()
    {
        var plan = Plan("provider", rate: 1);

        Assert.True(plan.StrikesFirst(FaultKinds.ProviderWrongAnswer, "T1", 1));
        Assert.False(plan.StrikesFirst(FaultKinds.ProviderWrongAnswer, "T1", 1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("disk")]
    [InlineData("store.melted")]
    public void Unknown_faults_are_refused(string text) => Assert.Throws<ArgumentException>(() => FaultOptions.Parse(text));
}
