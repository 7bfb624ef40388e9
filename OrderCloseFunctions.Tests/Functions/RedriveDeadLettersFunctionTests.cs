using NSubstitute;
using NSubstitute.ExceptionExtensions;
using OrderClose.Functions;
using OrderClose.Messaging;
using OrderClose.Orders;
using OrderClose.Orders.Ports;
using OrderClose.Tests.Support;

namespace OrderClose.Tests.Functions;

public sealed class RedriveDeadLettersFunctionTests
{
    private readonly ICloseDeadLetters _deadLetters = Substitute.For<ICloseDeadLetters>();

    [Theory]
    [InlineData("", 100)]
    [InlineData("?max=7", 7)]
    [InlineData("?max=1000", 1000)]
    public async Task It_re_drives_up_to_max_and_answers_the_counts(string query, int max)
    {
        _deadLetters.RedriveAsync(max, Arg.Any<CancellationToken>()).Returns(new RedriveResult(5, 2));

        var answer = await RunAsync(query);

        Assert.Equal(200, answer.Status);
        Assert.Equal(5, answer.Json.GetProperty("redriven").GetInt32());
        Assert.Equal(2, answer.Json.GetProperty("leftUnreadable").GetInt32());
    }

    [Theory]
    [InlineData("?max=0")]
    [InlineData("?max=1001")]
    [InlineData("?max=-1")]
    [InlineData("?max=ten")]
    public async Task A_bad_max_is_refused_and_nothing_is_re_driven(string query)
    {
        var answer = await RunAsync(query);

        Assert.Equal(400, answer.Status);
        await _deadLetters.DidNotReceiveWithAnyArgs().RedriveAsync(default, default);
    }

    [Fact]
    public async Task Service_Bus_down_answers_503()
    {
        _deadLetters.RedriveAsync(Arg.Any<int>(), Arg.Any<CancellationToken>()).ThrowsAsync(new DependencyUnavailableException("bus"));

        Assert.Equal(503, (await RunAsync("")).Status);
    }

    private async Task<HttpAnswer> RunAsync(string query)
    {
        var request = HttpTesting.Request("POST");
        request.QueryString = new Microsoft.AspNetCore.Http.QueryString(query);
        var result = await new RedriveDeadLettersFunction(_deadLetters).RunAsync(request, CancellationToken.None);
        return await result.ExecuteAsync(request);
    }
}
