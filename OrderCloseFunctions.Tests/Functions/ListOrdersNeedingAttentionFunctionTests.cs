using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrderClose.Functions;
using OrderClose.Functions.Http;
using OrderClose.Orders;
using OrderClose.Tests.Orders;
using OrderClose.Tests.Support;
using OrderClose.Tests.TestDoubles;

namespace OrderClose.Tests.Functions;

/// <summary>The ops list's HTTP side over the real use case and the in-memory store: parameters, pages, bounds and failures.</summary>
public sealed class ListOrdersNeedingAttentionFunctionTests
{
    private static readonly DateTimeOffset Now = TestOrders.Deadline.AddDays(1);

    private readonly InMemoryOrderStore _store = new();

    [Theory]
    [InlineData("", "attention")]
    [InlineData("?attention=", "attention")]
    [InlineData("?attention=REFUND", "attention")]
    [InlineData("?attention=stuck", "attention")]
    [InlineData("?attention=refund&attention=overdue", "attention")]
    [InlineData("?attention=refund&limit=0", "limit")]
    [InlineData("?attention=refund&limit=201", "limit")]
    [InlineData("?attention=refund&limit=-1", "limit")]
    [InlineData("?attention=refund&limit=ten", "limit")]
    [InlineData("?attention=refund&limit=", "limit")]
    [InlineData("?attention=refund&limit=1&limit=2", "limit")]
    [InlineData("?attention=refund&continuationToken=a&continuationToken=b", "continuationToken")]
    public async Task Bad_parameters_are_a_400_validation_problem_naming_the_parameter_and_nothing_is_read(string query, string parameter)
    {
        _store.FailNext(StoreOperation.FindOverdue, new InvalidOperationException("the store was asked"));
        _store.FailNext(StoreOperation.FindOutstandingRefunds, new InvalidOperationException("the store was asked"));

        var answer = await RunAsync(query);

        Assert.Equal(400, answer.Status);
        Assert.Equal(Problems.ContentType, answer.MediaType);
        Assert.Equal(ProblemTypes.Validation.Uri, answer.Json.GetProperty("type").GetString());
        Assert.Equal([parameter], answer.Json.GetProperty("errors").EnumerateObject().Select(error => error.Name));
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("UmVmdW5k")]
    public async Task A_continuation_token_the_list_did_not_hand_out_is_a_400_not_a_500(string token)
    {
        var answer = await RunAsync($"?attention=refund&continuationToken={token}");

        Assert.Equal(400, answer.Status);
        Assert.True(answer.Json.GetProperty("errors").TryGetProperty("continuationToken", out _));
    }

    [Fact]
    public async Task A_continuation_token_of_the_other_list_is_a_400()
    {
        AddOverdue(3);
        var overdue = await RunAsync("?attention=overdue&limit=1");

        var answer = await RunAsync($"?attention=refund&continuationToken={overdue.Json.GetProperty("continuationToken").GetString()}");

        Assert.Equal(400, answer.Status);
        Assert.True(answer.Json.GetProperty("errors").TryGetProperty("continuationToken", out _));
    }

    [Fact]
    public async Task Pages_follow_each_other_through_the_continuation_token_and_each_order_is_as_GET_returns_it()
    {
        var orders = AddOverdue(3);

        var first = await RunAsync("?attention=overdue&limit=2");
        var second = await RunAsync($"?attention=overdue&limit=2&continuationToken={first.Json.GetProperty("continuationToken").GetString()}");

        Assert.Equal(200, first.Status);
        Assert.Equal([await JsonAsync(orders[0]), await JsonAsync(orders[1])], first.Json.GetProperty("orders").EnumerateArray().Select(order => order.GetRawText()));
        Assert.Equal([await JsonAsync(orders[2])], second.Json.GetProperty("orders").EnumerateArray().Select(order => order.GetRawText()));
        Assert.Equal(JsonValueKind.Null, second.Json.GetProperty("continuationToken").ValueKind);
    }

    [Fact]
    public async Task An_empty_continuation_token_starts_from_the_beginning()
    {
        AddOverdue(1);

        var answer = await RunAsync("?attention=overdue&continuationToken=");

        Assert.Equal(1, answer.Json.GetProperty("orders").GetArrayLength());
    }

    [Theory]
    [InlineData("", ListOrdersNeedingAttentionFunction.DefaultLimit)]
    [InlineData("&limit=200", ListOrdersNeedingAttentionFunction.MaxLimit)]
    [InlineData("&limit=7", 7)]
    public async Task A_page_holds_at_most_limit_orders_50_unless_asked_and_never_more_than_200(string limit, int expected)
    {
        AddOverdue(ListOrdersNeedingAttentionFunction.MaxLimit + 1);

        var answer = await RunAsync("?attention=overdue" + limit);

        Assert.Equal(expected, answer.Json.GetProperty("orders").GetArrayLength());
        Assert.Equal(JsonValueKind.String, answer.Json.GetProperty("continuationToken").ValueKind);
    }

    [Fact]
    public async Task Refund_lists_the_orders_whose_refund_is_not_succeeded()
    {
        var manual = TestOrders.New("MANUAL", TestOrders.Deadline).Cancel(TestOrders.Deadline, CloseUnpaidOrder.PaymentTimeoutReason)
            .RecordLatePayment(TestOrders.Deadline.AddMinutes(1), LatePaymentPolicy.Manual);
        _store.Add(manual);
        AddOverdue(1);

        var answer = await RunAsync("?attention=refund");

        Assert.Equal([await JsonAsync(manual)], answer.Json.GetProperty("orders").EnumerateArray().Select(order => order.GetRawText()));
        Assert.Equal("MANUAL", answer.Json.GetProperty("orders")[0].GetProperty("refund").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(StoreOperation.FindOverdue, "overdue")]
    [InlineData(StoreOperation.Find, "overdue")]
    [InlineData(StoreOperation.FindOutstandingRefunds, "refund")]
    public async Task A_store_outage_is_503_with_retry_after(StoreOperation operation, string attention)
    {
        AddOverdue(1);
        _store.FailNext(operation, new DependencyUnavailableException("429"));

        var answer = await RunAsync($"?attention={attention}");

        Assert.Equal(503, answer.Status);
        Assert.Equal("5", answer.Headers.RetryAfter.ToString());
    }

    private List<Order> AddOverdue(int count)
    {
        var orders = Enumerable.Range(0, count)
            .Select(i => TestOrders.New($"T{i:D4}", TestOrders.Deadline.AddSeconds(i))).ToList();
        orders.ForEach(order => _store.Add(order));
        return orders;
    }

    /// <summary>The order as GetOrder answers it.</summary>
    private async Task<string> JsonAsync(Order order)
    {
        var request = HttpTesting.Request("GET");
        var answer = await (await new GetOrderFunction(_store).RunAsync(request, order.OutTradeNo, CancellationToken.None)).ExecuteAsync(request);
        return answer.Json.GetRawText();
    }

    private async Task<HttpAnswer> RunAsync(string query)
    {
        var request = HttpTesting.Request("GET");
        request.QueryString = new QueryString(query);
        var list = new ListOrdersNeedingAttention(_store, _store, _store, Options.Create(new SweepOptions()), new FakeTimeProvider(Now));
        var result = await new ListOrdersNeedingAttentionFunction(list).RunAsync(request, CancellationToken.None);
        return await result.ExecuteAsync(request);
    }
}
