using System.Net.Sockets;
using System.Text;

namespace OrderClose.Tests.EndToEnd;

/// <summary>Issue 13 #9: a body Kestrel cannot read (a chunk size of 2^31 or more) is the client's error, over real Kestrel.</summary>
public sealed class MalformedBodyTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("orderclose-malformed-");

    public void Dispose() => _data.Delete(recursive: true);

    [Theory]
    [InlineData("/api/orders")]
    [InlineData("/api/payments/sandbox/notify")]
    public async Task A_chunk_size_of_2_to_the_31_or_more_is_400_with_problem_details(string path)
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName);
        var address = runner.Http.BaseAddress!;
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        await using var stream = client.GetStream();
        var request = $"POST {path} HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n80000000\r\n{\"outTradeNo\":\"T1\"";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        await stream.FlushAsync();

        using var reader = new StreamReader(stream, Encoding.ASCII);
        var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(15));

        Assert.StartsWith("HTTP/1.1 400", answer);
        Assert.Contains("application/problem+json", answer);
    }
}
