using System.Data.Common;
using Azure.Core;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using OrderClose.Contracts;

namespace OrderClose.Storage;

/// <summary>
/// How the app reaches Cosmos DB, following the Functions identity-based connection convention:
/// app setting <c>CosmosConnection</c> = a connection string (local emulators), or
/// <c>CosmosConnection__accountEndpoint</c> = the account URI, authenticated by the app's one <see cref="TokenCredential"/>
/// (<see cref="AzureCredentialRegistration"/>: the managed identity in Azure). A class, not a record, so that no ToString prints the account key.
/// </summary>
public sealed class CosmosConnection
{
    public const string Setting = "CosmosConnection";

    private CosmosConnection(Uri accountEndpoint, string? connectionString)
    {
        AccountEndpoint = accountEndpoint;
        ConnectionString = connectionString;
    }

    public Uri AccountEndpoint { get; }

    /// <summary>Null when the app authenticates with its <see cref="TokenCredential"/>.</summary>
    public string? ConnectionString { get; }

    public static CosmosConnection From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Setting);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new CosmosConnection(EndpointOf(section.Value), section.Value);
        }
        if (section["accountEndpoint"] is { Length: > 0 } endpoint)
        {
            return new CosmosConnection(AbsoluteUri(endpoint, $"{Setting}__accountEndpoint"), null);
        }
        throw new InvalidOperationException(
            $"Cosmos DB is not configured: set '{Setting}' to a connection string (local emulator) " +
            $"or '{Setting}__accountEndpoint' to the account URI (managed identity).");
    }

    /// <param name="credential">Asked for only when the connection is identity-based.</param>
    public CosmosClient CreateClient(Func<TokenCredential> credential) => ConnectionString is null
        ? new CosmosClient(AccountEndpoint.AbsoluteUri, credential(), ClientOptions())
        : new CosmosClient(ConnectionString, ClientOptions());

    /// <summary>
    /// Direct mode with full TLS validation, except for a loopback endpoint: the local emulators serve a
    /// self-signed certificate and only speak Gateway mode, so there (and only there) any certificate is accepted.
    /// </summary>
    internal CosmosClientOptions ClientOptions()
    {
        var options = new CosmosClientOptions
        {
            UseSystemTextJsonSerializerWithOptions = DocumentJson.Options,
            // Off by default in the GA SDK: an operation span per read, create, replace and query, for the close's trace.
            CosmosClientTelemetryOptions = new CosmosClientTelemetryOptions { DisableDistributedTracing = false },
        };
        if (AccountEndpoint.IsLoopback)
        {
            options.ConnectionMode = ConnectionMode.Gateway;
            options.LimitToEndpoint = true;
            options.ServerCertificateCustomValidationCallback = (_, _, _) => true;
        }
        else
        {
            options.ConnectionMode = ConnectionMode.Direct;
        }
        return options;
    }

    private static Uri EndpointOf(string connectionString)
    {
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return parts.TryGetValue("AccountEndpoint", out var endpoint) && endpoint is string value
            ? AbsoluteUri(value, $"{Setting} AccountEndpoint")
            : throw new InvalidOperationException($"The '{Setting}' connection string has no AccountEndpoint.");
    }

    private static Uri AbsoluteUri(string value, string setting) => Uri.TryCreate(value, UriKind.Absolute, out var uri)
        ? uri
        : throw new InvalidOperationException($"{setting} '{value}' is not an absolute URI.");
}
