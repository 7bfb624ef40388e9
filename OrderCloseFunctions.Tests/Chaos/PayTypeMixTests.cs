using OrderClose.Tools.Bench;
using OrderClose.Tools.Chaos;
using OrderClose.Tools.Chaos.PayTypes;

namespace OrderClose.Tests.Chaos;

/// <summary>How chaos spreads its orders over the pay types.</summary>
public sealed class PayTypeMixTests
{
    [Theory]
    [InlineData(0.5, 0.1)]
    [InlineData(0.05, 0.5)]
    [InlineData(0.25, 1.0)]
    public void Every_pay_type_gets_its_share_of_the_orders_and_of_the_paid_unpaid_and_late_paying_buyers(double paidRatio, double latePayRatio)
    {
        var orders = new BenchOrders("R", paidRatio);
        var options = ChaosOptions.Default with { PayTypes = PayTypeMix.Parse("SANDBOX,WECHATPAY"), LatePayRatio = latePayRatio };
        var all = Enumerable.Range(0, 2000).ToList();

        foreach (var payType in options.PayTypes.Types)
        {
            var mine = all.Where(i => options.PayTypes.Of(i) == payType).ToList();
            Assert.InRange(mine.Count, 900, 1100);
            Assert.InRange(mine.Count(orders.IsPaid) / (double)mine.Count, paidRatio * 0.8, paidRatio * 1.2);
            var unpaid = mine.Where(i => !orders.IsPaid(i)).ToList();
            Assert.InRange(unpaid.Count(i => options.PaysLate(orders, i)) / (double)unpaid.Count, latePayRatio * 0.8, latePayRatio * 1.2);
        }
    }

    [Fact]
    public void One_pay_type_takes_every_order()
    {
        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal(PayTypeMix.Sandbox, PayTypeMix.Default.Of(i)));
    }
}
