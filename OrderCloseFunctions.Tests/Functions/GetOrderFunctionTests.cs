using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OrderClose.Functions;
using OrderClose.Functions.Http;
using OrderClose.Orders;
using OrderClose.Tests.Orders;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.Functions;

public sealed class GetOrderFunctionTests
{
    private readonly Collaborators _c = new();
    private readonly GetOrderFunction _function;

    public GetOrderFunctionTests() => _function = new GetOrderFunction(_c.Store);

    [Fact]
    public async Task A_known_order_is_200_with_its_state()
    {
        var paid = TestOrders.New("T1001", Collaborators.Now).MarkPaid(Collaborators.Now);
        _c.Store.FindAsync("T1001", Arg.Any<CancellationToken>()).Returns(TestOrders.Stored(paid));

        var answer = await GetAsync("T1001");

        Assert.Equal(200, answer.Status);
        Assert.Equal("PAID", answer.Json.GetProperty("state").GetString());
        Assert.Equal("2026-11-28T12:00:00Z", answer.Json.GetProperty("paidAt").GetString());
    }

    [Fact]
    public async Task An_unknown_order_is_404_with_problem_details()
    {
        var answer = await GetAsync("T404");

        Assert.Equal(404, answer.Status);
        Assert.Equal(Problems.ContentType, answer.MediaType);
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("T1001\n")]
    public async Task An_illegal_order_number_is_400_and_not_looked_up(string outTradeNo)
    {
        var answer = await GetAsync(outTradeNo);

        Assert.Equal(400, answer.Status);
        await _c.Store.DidNotReceiveWithAnyArgs().FindAsync(default!, default);
    }

    [Fact]
    public async Task A_store_failure_is_503()
    {
        _c.Store.FindAsync("T1001", Arg.Any<CancellationToken>()).ThrowsAsync(new DependencyUnavailableException("429"));

        Assert.Equal(503, (await GetAsync("T1001")).Status);
    }

    private async Task<HttpAnswer> GetAsync(string outTradeNo)
    {
        var request = HttpTesting.Request("GET");
        return await (await _function.RunAsync(request, outTradeNo, CancellationToken.None)).ExecuteAsync(request);
    }
}
