namespace OrderClose.Tests.Contract;

/// <summary>Checks every answer that passes through it against <c>openapi.yaml</c>, so the document and the code cannot drift.</summary>
public sealed class OpenApiValidatingHandler(OpenApiContract contract) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var violations = await contract.ViolationsAsync(request, response);
        if (violations.Count > 0)
        {
            response.Dispose();
            throw new OpenApiViolationException(string.Join("\n", violations));
        }
        return response;
    }
}

public sealed class OpenApiViolationException(string message) : Exception(message);
