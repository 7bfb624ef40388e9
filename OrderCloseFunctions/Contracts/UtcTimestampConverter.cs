using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderClose.Contracts;

/// <summary>
/// Writes an instant as fixed-width UTC ISO 8601 (<c>2026-11-28T12:30:00.0000000Z</c>), so that Cosmos DB, which
/// compares strings, orders the stored values as the instants: with an offset, or with fractions of varying length,
/// it would not. Reads any ISO 8601 instant.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The one form written, for <see cref="DateTime.ToString(string, IFormatProvider)"/> and <c>ParseExact</c>.</summary>
    public const string Pattern = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'";

    public static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="text"/> is an instant exactly as <see cref="Format"/> writes it.</summary>
    public static bool IsFormatted(string text) =>
        DateTime.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));
}
