using System.Net;
using System.Net.Http.Json;

namespace OrderClose.Tests.EndToEnd;

/// <summary>
/// Issue 13 #8 over the runner: 16 concurrent creates of one number, 8 with a 600 s timeout and 8 with 3 s, round after
/// round. Whichever request's order is stored, its own close is in the queue, so an order stored with the 3 s deadline is
/// closed soon after it, not left NEW until the close of a 600 s request (or the sweep, set out of reach here).
/// </summary>
public sealed class CreateRaceTests : IDisposable
{
    private const int Rounds = 160;
    private const int Requests = 16;

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("orderclose-race-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task Whichever_of_16_concurrent_creates_is_stored_its_deadline_is_kept_by_a_close()
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName, "--Orders:Sweep:Grace=01:00:00");
        var statuses = new List<HttpStatusCode>();
        for (var round = 0; round < Rounds; round++)
        {
            var number = $"E2E-RACE-{round:000}";
            var answers = await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => runner.CreateAsync(number, i % 2 == 0 ? 600 : 3)));
            statuses.AddRange(answers.Select(answer => answer.StatusCode));
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }
        Assert.All(statuses, status => Assert.Contains(status, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict }));

        var orders = await Task.WhenAll(Enumerable.Range(0, Rounds).Select(round => runner.GetAsync($"E2E-RACE-{round:000}")));
        var shortOnes = orders
            .Where(order => order.GetProperty("payDeadline").GetDateTime() - order.GetProperty("createdAt").GetDateTime() < TimeSpan.FromSeconds(10))
            .Select(order => order.GetProperty("outTradeNo").GetString()!)
            .ToList();
        Assert.NotEmpty(shortOnes);
        var settled = await Task.WhenAll(shortOnes.Select(runner.WaitUntilSettledAsync));
        Assert.Empty(settled.Where(order => order.GetProperty("state").GetString() == "NEW").Select(order => order.GetProperty("outTradeNo").GetString()));
    }
}
