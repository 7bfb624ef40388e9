using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace OrderClose.Tests.Properties;

/// <summary>
/// Generators of bodies a careless or hostile client might send: JSON objects whose fields are a chosen set of names
/// (sometimes repeated, sometimes missing) with values that are interesting for that field or any JSON value at all,
/// and now and then text that is no JSON.
/// </summary>
internal static class Jsonish
{
    public static readonly Gen<string> AnyString = ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "");

    /// <summary>Any JSON value, as text.</summary>
    public static readonly Gen<string> AnyValue = Gen.OneOf(
        Gen.Elements("null", "true", "false", "[]", "{}", "[1,\"a\"]", "{\"a\":{}}", "1e400", "-0", "0.5", "1E2", "\"\""),
        ArbMap.Default.GeneratorFor<long>().Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ArbMap.Default.GeneratorFor<double>().Where(double.IsFinite).Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        AnyString.Select(s => JsonSerializer.Serialize(s)));

    /// <summary>An object over <paramref name="fields"/>: each one absent, interesting (its own generator) or any value.</summary>
    public static Gen<string> Object(IReadOnlyDictionary<string, Gen<string>> fields) =>
        Gen.CollectToArray(fields.Select(field => Gen.Frequency(
                (1, Gen.Constant("")),
                (6, field.Value.Select(value => Member(field.Key, value))),
                (2, AnyValue.Select(value => Member(field.Key, value))))))
            .Zip(Gen.Elements("", ",\"extra\":1", $",{Member(fields.Keys.First(), "null")}"))
            .Select(parts => "{" + string.Join(",", parts.Item1.Where(p => p.Length > 0)) + (parts.Item1.Any(p => p.Length > 0) ? parts.Item2 : "") + "}");

    /// <summary>Mostly objects over <paramref name="fields"/>; sometimes any JSON value, any text, or a cut-off object.</summary>
    public static Gen<string> Body(IReadOnlyDictionary<string, Gen<string>> fields) => Gen.Frequency(
        (8, Object(fields)),
        (1, AnyValue),
        (1, AnyString),
        (1, Object(fields).Select(json => json[..(json.Length / 2)])));

    public static Gen<string> Strings(params string?[] values) =>
        Gen.Elements(values).Select(value => value is null ? "null" : JsonSerializer.Serialize(value));

    public static Gen<string> Numbers(params string[] values) => Gen.Elements(values);

    private static string Member(string name, string value) => $"{JsonSerializer.Serialize(name)}:{value}";
}
