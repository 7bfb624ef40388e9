using System.Diagnostics.Metrics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using OrderClose.Orders;

namespace OrderClose.Tests.Observability;

/// <summary>
/// What the real <see cref="OrderMetrics"/> emits, as a listener sees it: every instrument its meter creates, and the
/// tag keys each one's measurements carry when every public method is called (each enum argument with each of its values).
/// </summary>
internal static class MeterInstruments
{
    /// <summary>Instrument name → the tag keys its measurements carry.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> OfOrderMetrics { get; } = Collect();

    private static Dictionary<string, IReadOnlySet<string>> Collect()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var tags = new Dictionary<string, HashSet<string>>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OrderMetrics.MeterName)
            {
                tags.TryAdd(instrument.Name, []);
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> measured)
        {
            foreach (var tag in measured)
            {
                tags[instrument.Name].Add(tag.Key);
            }
        }
        listener.SetMeasurementEventCallback<long>((i, _, t, _) => Record(i, t));
        listener.SetMeasurementEventCallback<int>((i, _, t, _) => Record(i, t));
        listener.SetMeasurementEventCallback<double>((i, _, t, _) => Record(i, t));
        listener.Start();

        var metrics = new OrderMetrics(services.GetRequiredService<IMeterFactory>());
        foreach (var method in typeof(OrderMetrics).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            foreach (var arguments in ArgumentSets(method.GetParameters()))
            {
                method.Invoke(metrics, arguments);
            }
        }
        return tags.ToDictionary(t => t.Key, t => (IReadOnlySet<string>)t.Value);
    }

    private static IEnumerable<object?[]> ArgumentSets(ParameterInfo[] parameters)
    {
        IEnumerable<object?[]> sets = [[]];
        foreach (var parameter in parameters)
        {
            var values = Values(parameter.ParameterType);
            sets = sets.SelectMany(set => values.Select(value => (object?[])[.. set, value])).ToList();
        }
        return sets;
    }

    private static object?[] Values(Type type) => type switch
    {
        _ when type.IsEnum => Enum.GetValues(type).Cast<object?>().ToArray(),
        _ when type == typeof(string) => ["x"],
        _ when type == typeof(TimeSpan) => [TimeSpan.FromSeconds(1)],
        _ when type == typeof(int) => [1],
        _ when type == typeof(long) => [1L],
        _ when type == typeof(double) => [1.0],
        _ => throw new NotSupportedException($"OrderMetrics takes a {type}: teach {nameof(MeterInstruments)} a value of it."),
    };
}
