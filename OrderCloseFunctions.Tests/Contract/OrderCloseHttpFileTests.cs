using System.Text;
using System.Text.RegularExpressions;
using OrderClose.Tests.EndToEnd;
using OrderClose.Tests.Infra;

namespace OrderClose.Tests.Contract;

/// <summary>OrderClose.http and the README's demo work as written.</summary>
public sealed partial class OrderCloseHttpFileTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("orderclose-http-file-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public async Task Every_request_of_the_http_file_succeeds_against_the_runner_as_openapi_yaml_describes()
    {
        await using var runner = await RunningRunner.StartAsync(_data.FullName);
        var requests = HttpFile.Parse(RepositoryFiles.Read("OrderClose.http"), runner.Http.BaseAddress!.ToString().TrimEnd('/'));

        Assert.Equal(11, requests.Count);
        foreach (var request in requests)
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
            if (request.Body is not null)
            {
                message.Content = new StringContent(request.Body, Encoding.UTF8, request.Headers["Content-Type"]);
            }
            using var answer = await runner.Http.SendAsync(message);
            Assert.True(answer.IsSuccessStatusCode, $"{request.Method} {request.Url}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }
        Assert.Equal("PAID", (await runner.GetAsync("DEMO1-1")).GetProperty("state").GetString());
    }

    [Fact]
    public void The_readmes_shell_blocks_have_no_prompts_to_trip_over_when_pasted()
    {
        var blocks = ShellBlock().Matches(RepositoryFiles.Read("README.md")).Select(match => match.Groups["body"].Value).ToList();

        Assert.NotEmpty(blocks);
        Assert.All(blocks, block => Assert.DoesNotMatch(@"(?m)^\s*\$ ", block));
    }

    [GeneratedRegex(@"```(sh|bash|console|shell)\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    /// <summary>The part of the .http format the file uses: <c>@name = value</c> variables, <c>###</c> between requests, headers, a body.</summary>
    private static partial class HttpFile
    {
        public sealed record Request(string Method, string Url, Dictionary<string, string> Headers, string? Body);

        public static List<Request> Parse(string text, string baseAddress)
        {
            var variables = new Dictionary<string, string>();
            foreach (Match match in Variable().Matches(text))
            {
                variables[match.Groups["name"].Value] = match.Groups["value"].Value.Trim();
            }
            variables["base"] = baseAddress;
            var expanded = Reference().Replace(text, match => variables[match.Groups["name"].Value]);

            return [.. expanded.Split("###").Skip(1).Select(section =>
            {
                var lines = section.Split('\n').Skip(1).Where(line => !line.StartsWith('#')).ToList();
                var start = lines.FindIndex(line => line.Trim().Length > 0);
                var requestLine = lines[start].Trim().Split(' ');
                var headers = lines.Skip(start + 1).TakeWhile(line => line.Trim().Length > 0)
                    .Select(line => line.Split(':', 2)).ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());
                var body = string.Join('\n', lines.Skip(start + 1 + headers.Count)).Trim();
                return new Request(requestLine[0], requestLine[1], headers, body.Length > 0 ? body : null);
            })];
        }

        [GeneratedRegex(@"^@(?<name>\w+)\s*=(?<value>.*)$", RegexOptions.Multiline)]
        private static partial Regex Variable();

        [GeneratedRegex(@"\{\{(?<name>\w+)\}\}")]
        private static partial Regex Reference();
    }
}
