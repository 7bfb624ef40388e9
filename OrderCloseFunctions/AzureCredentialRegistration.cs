using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrderClose;

public static class AzureCredentialRegistration
{
    /// <summary>
    /// The one <see cref="TokenCredential"/> of the process, for every Azure client whose connection names an endpoint
    /// rather than carrying a key: <see cref="DefaultAzureCredential"/>, the managed identity in Azure. One instance, so
    /// the clients share its token cache and its choice of identity. Each adapter's registration asks for it; the first
    /// registration wins, so a credential registered before (a test's, or a host's own) is the one they all get. Built
    /// only when a client needs it: clients over connection strings never resolve it.
    /// </summary>
    public static IServiceCollection AddAzureCredential(this IServiceCollection services)
    {
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        return services;
    }
}
