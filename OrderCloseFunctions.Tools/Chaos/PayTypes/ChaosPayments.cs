using System.Net;
using System.Net.Sockets;

namespace OrderClose.Tools.Chaos.PayTypes;

/// <summary>
/// The pay types of a chaos run (<see cref="PayTypeMix"/>), started before the runner: a provider that calls the runner
/// back (WeChat Pay) must know its address first, so the runner then listens on <see cref="RunnerPort"/>, a loopback
/// port chosen here, and keeps it across restarts.
/// </summary>
public sealed class ChaosPayments : IAsyncDisposable
{
    private readonly PayTypeMix _mix;
    private readonly IReadOnlyDictionary<string, IChaosPayType> _types;

    private ChaosPayments(PayTypeMix mix, IReadOnlyDictionary<string, IChaosPayType> types, int runnerPort)
    {
        _mix = mix;
        _types = types;
        RunnerPort = runnerPort;
    }

    /// <param name="seed">Handed to the pay types that decide something per order.</param>
    public static async Task<ChaosPayments> StartAsync(PayTypeMix mix, int seed)
    {
        var types = new Dictionary<string, IChaosPayType>(StringComparer.Ordinal);
        foreach (var payType in mix.Types)
        {
            types[payType] = payType == PayTypeMix.WeChatPay ? await WeChatPayPayType.StartAsync(seed) : new SandboxPayType();
        }
        return new ChaosPayments(mix, types, mix.Has(PayTypeMix.WeChatPay) ? FreeLoopbackPort() : 0);
    }

    /// <summary>The port the runner must listen on; 0 (any) when no pay type calls it back.</summary>
    public int RunnerPort { get; }

    /// <summary>What the runner needs for these pay types, before the command line's own settings.</summary>
    public IReadOnlyList<string> RunnerSettings =>
        [.. _types.Values.SelectMany(type => type.RunnerSettings(new Uri($"http://127.0.0.1:{RunnerPort}/")))];

    public IChaosPayType Of(int index) => _types[_mix.Of(index)];

    /// <summary>What each provider saw of the app, by pay type, for those that tell.</summary>
    public IReadOnlyDictionary<string, object> Seen =>
        _types.Where(type => type.Value.Seen is not null).ToDictionary(type => type.Key, type => type.Value.Seen!, StringComparer.Ordinal);

    /// <summary>A port nobody listens on now; the runner takes it a moment later (something else could take it first: unlikely on loopback).</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var type in _types.Values.OfType<IAsyncDisposable>())
        {
            await type.DisposeAsync();
        }
    }
}
