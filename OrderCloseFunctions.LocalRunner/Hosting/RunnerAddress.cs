using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OrderClose.LocalRunner.Hosting;

/// <summary>Where the started runner can be reached from this machine (the actual port when it was asked for port 0).</summary>
public sealed class RunnerAddress(IServer server)
{
    public Uri BaseAddress
    {
        get
        {
            var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The runner is not listening yet.");
            var uri = new UriBuilder(listening.Replace("://+", "://localhost").Replace("://*", "://localhost"));
            if (uri.Host is "0.0.0.0" or "[::]")
            {
                uri.Host = "127.0.0.1";
            }
            uri.Path = "/";
            return uri.Uri;
        }
    }
}
