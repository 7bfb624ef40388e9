using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrderClose.Orders;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.Orders;

public sealed class CloseRetryPolicyTests
{
    private static readonly DateTimeOffset Now = TestOrders.Deadline;
    private readonly CloseRetryOptions _options = new();
    private readonly FixedJitter _jitter = new(0.5);

    private CloseRetryPolicy Policy() => new(Options.Create(_options), _jitter, new FakeTimeProvider(Now));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void The_first_deliveries_are_abandoned_for_a_blip(int deliveryCount)
    {
        Assert.Equal(CloseRetryAction.Abandon, Policy().Decide(deliveryCount, attempt: 0).Action);
    }

    [Fact]
    public void After_the_immediate_deliveries_the_close_is_retried_later_as_the_next_attempt()
    {
        var retry = Policy().Decide(deliveryCount: 4, attempt: 2);

        Assert.Equal(CloseRetryAction.RetryLater, retry.Action);
        Assert.Equal(3, retry.Attempt);
        Assert.True(retry.DueAt > Now);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(4, 16)]
    [InlineData(5, 30)]
    [InlineData(40, 30)]
    [InlineData(5000, 30)]
    public void The_delay_ceiling_doubles_from_the_base_up_to_the_max(int attempt, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), Policy().DelayCeiling(attempt));
    }

    [Theory]
    [InlineData(0.0, 8)]
    [InlineData(0.5, 12)]
    [InlineData(1.0, 16)]
    public void The_delay_lies_between_half_and_all_of_the_ceiling_as_the_jitter_draws(double fraction, int minutes)
    {
        _jitter.Fraction = fraction;

        var retry = Policy().Decide(deliveryCount: 4, attempt: 4);

        Assert.Equal(Now + TimeSpan.FromMinutes(minutes), retry.DueAt);
    }

    [Fact]
    public void With_the_defaults_15_retries_fit_into_6_hours()
    {
        // 1 + 2 + 4 + 8 + 16 minutes, then 10 × 30 minutes: 331 minutes; an 11th 30 would pass 360.
        var policy = Policy();

        Assert.Equal(15, policy.MaxAttempts);
        Assert.Equal(TimeSpan.FromMinutes(331), policy.TotalDelayCeiling);
    }

    [Fact]
    public void Once_the_attempts_are_spent_it_gives_up()
    {
        var policy = Policy();

        Assert.Equal(CloseRetryAction.RetryLater, policy.Decide(4, policy.MaxAttempts - 1).Action);
        Assert.Equal(CloseRetryAction.GiveUp, policy.Decide(4, policy.MaxAttempts).Action);
    }

    [Fact]
    public void The_retry_schedule_is_bounded_by_max_total_whatever_the_jitter_draws()
    {
        foreach (var fraction in new[] { 0.0, 0.37, 1.0 })
        {
            _jitter.Fraction = fraction;
            var clock = new FakeTimeProvider(Now);
            var policy = new CloseRetryPolicy(Options.Create(_options), _jitter, clock);

            var attempt = 0;
            CloseRetryDecision retry;
            while ((retry = policy.Decide(deliveryCount: 4, attempt)).Action == CloseRetryAction.RetryLater)
            {
                clock.SetUtcNow(retry.DueAt);
                attempt = retry.Attempt;
            }

            Assert.Equal(15, attempt);
            Assert.InRange(clock.GetUtcNow() - Now, policy.TotalDelayCeiling / 2, _options.MaxTotal);
        }
    }

    [Fact]
    public void A_buyer_paying_is_looked_at_again_after_the_buyer_paying_delay_as_the_next_attempt()
    {
        _options.BuyerPayingDelay = TimeSpan.FromSeconds(20);

        var recheck = Policy().DecideRecheck(attempt: 2);

        Assert.Equal(new CloseRetryDecision(CloseRetryAction.RetryLater, 3, Now + TimeSpan.FromSeconds(20)), recheck);
    }

    [Fact]
    public void A_buyer_paying_once_the_attempts_are_spent_is_given_up_on()
    {
        var policy = Policy();

        Assert.Equal(CloseRetryAction.GiveUp, policy.DecideRecheck(policy.MaxAttempts).Action);
        Assert.Equal(CloseRetryAction.RetryLater, policy.DecideRecheck(policy.MaxAttempts - 1).Action);
    }

    [Fact]
    public void A_buyer_paying_delay_that_is_not_positive_is_refused()
    {
        Assert.Equal([nameof(CloseRetryOptions.BuyerPayingDelay)], InvalidMembers(new CloseRetryOptions { BuyerPayingDelay = TimeSpan.Zero }));
    }

    [Fact]
    public void Delays_out_of_order_are_refused()
    {
        var options = new CloseRetryOptions { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromSeconds(-1), MaxTotal = TimeSpan.FromSeconds(-1) };

        Assert.Equal(
            [nameof(CloseRetryOptions.BaseDelay), nameof(CloseRetryOptions.MaxDelay), nameof(CloseRetryOptions.MaxTotal)],
            InvalidMembers(options));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(CloseRetryOptions.MaxImmediateDeliveries + 1)]
    public void Immediate_deliveries_out_of_range_are_refused(int deliveries)
    {
        Assert.Equal([nameof(CloseRetryOptions.ImmediateDeliveries)], InvalidMembers(new CloseRetryOptions { ImmediateDeliveries = deliveries }));
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(InvalidMembers(new CloseRetryOptions()));
    }

    private static string[] InvalidMembers(CloseRetryOptions options)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);
        return results.SelectMany(r => r.MemberNames).Order().ToArray();
    }
}
