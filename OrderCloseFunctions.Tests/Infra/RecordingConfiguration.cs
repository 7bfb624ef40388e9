using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace OrderClose.Tests.Infra;

/// <summary>In-memory configuration that records every key the app looks up.</summary>
internal sealed class RecordingConfiguration(IReadOnlyDictionary<string, string?> values) : IConfigurationSource
{
    private readonly HashSet<string> read = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Read => read;

    public IConfigurationProvider Build(IConfigurationBuilder builder) =>
        new Provider(new MemoryConfigurationSource { InitialData = values }, read);

    private sealed class Provider(MemoryConfigurationSource source, HashSet<string> read) : MemoryConfigurationProvider(source)
    {
        public override bool TryGet(string key, out string? value)
        {
            lock (read)
            {
                read.Add(key);
            }
            return base.TryGet(key, out value);
        }
    }
}
