using System.ComponentModel.DataAnnotations;
using OrderClose.Orders;

namespace OrderClose.Tests.Orders;

public sealed class OrderOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(Validate(new OrderOptions()));
    }

    [Fact]
    public void Default_may_equal_min_and_max()
    {
        var options = Options(min: 10, @default: 10, max: 10);

        Assert.Empty(Validate(options));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Min_must_be_positive(int minMinutes)
    {
        var options = Options(min: minMinutes, @default: 10, max: 60);

        Assert.Contains(nameof(OrderOptions.MinPaymentTimeout), InvalidMembers(options));
    }

    [Fact]
    public void Max_must_not_be_below_min()
    {
        var options = Options(min: 30, @default: 30, max: 20);

        Assert.Contains(nameof(OrderOptions.MaxPaymentTimeout), InvalidMembers(options));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(61)]
    public void Default_must_lie_between_min_and_max(int defaultMinutes)
    {
        var options = Options(min: 5, @default: defaultMinutes, max: 60);

        Assert.Equal([nameof(OrderOptions.DefaultPaymentTimeout)], InvalidMembers(options));
    }

    private static OrderOptions Options(int min, int @default, int max) => new()
    {
        MinPaymentTimeout = TimeSpan.FromMinutes(min),
        DefaultPaymentTimeout = TimeSpan.FromMinutes(@default),
        MaxPaymentTimeout = TimeSpan.FromMinutes(max),
    };

    /// <summary>Validates the way <c>ValidateDataAnnotations</c> does at start-up.</summary>
    private static List<ValidationResult> Validate(OrderOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    private static string[] InvalidMembers(OrderOptions options) =>
        Validate(options).SelectMany(result => result.MemberNames).ToArray();
}
