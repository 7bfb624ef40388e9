using System.Collections.Concurrent;
using System.Text;

namespace OrderClose.Tools.Faults;

/// <summary>
/// Decides which calls fail and counts what it injected, by kind. A decision is a hash of the seed, the kind, the
/// order and how many times that order came to that kind before, so it does not depend on how calls interleave.
/// </summary>
public sealed class FaultPlan(FaultOptions options)
{
    private readonly ConcurrentDictionary<(string Kind, string Key), int> _occurrences = new();
    private readonly ConcurrentDictionary<string, long> _injected = new(StringComparer.Ordinal);

    public FaultOptions Options => options;

    /// <summary>Faults injected so far, by kind; every kind that is on is listed, if only with 0.</summary>
    public IReadOnlyDictionary<string, long> Injected =>
        FaultKinds.All.Where(options.IsOn)
            .ToDictionary(kind => kind, kind => _injected.GetValueOrDefault(kind), StringComparer.Ordinal);

    /// <summary>Whether this call about <paramref name="key"/> gets fault <paramref name="kind"/>, at the rate; counted when it does.</summary>
    public bool Strikes(string kind, string key) => Strikes(kind, key, options.Rate, onlyFirst: false);

    /// <summary>Whether the first call about <paramref name="key"/> gets fault <paramref name="kind"/>, at <paramref name="rate"/>; later calls never do.</summary>
    public bool StrikesFirst(string kind, string key, double rate) => Strikes(kind, key, rate, onlyFirst: true);

    /// <summary>Counts a fault injected from outside the ports (a restart).</summary>
    public void Count(string kind) => _injected.AddOrUpdate(kind, 1, (_, count) => count + 1);

    private bool Strikes(string kind, string key, double rate, bool onlyFirst)
    {
        if (!options.IsOn(kind))
        {
            return false;
        }
        var occurrence = _occurrences.AddOrUpdate((kind, key), 1, (_, count) => count + 1);
        if ((onlyFirst && occurrence > 1) || Fraction($"{options.Seed}|{kind}|{key}|{occurrence}") >= rate)
        {
            return false;
        }
        Count(kind);
        return true;
    }

    /// <summary>FNV-1a with a final mix, so the same text gives the same fraction in every process (string.GetHashCode does not).</summary>
    internal static double Fraction(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return (hash >> 11) / (double)(1UL << 53);
    }
}
