using System.Globalization;

namespace OrderClose.Tools.Bench;

/// <summary>Durations as a person types them on the command line: whole seconds or minutes, <c>5s</c>, <c>2m</c>.</summary>
public static class DurationText
{
    /// <returns>Null when <paramref name="text"/> is not a whole number of seconds or minutes, at least 1 s.</returns>
    public static TimeSpan? Parse(string text)
    {
        var (number, unit) = text.EndsWith('m') ? (text[..^1], 60) : (text.EndsWith('s') ? text[..^1] : text, 1);
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? TimeSpan.FromSeconds((long)value * unit)
            : null;
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds % 60 == 0 && duration >= TimeSpan.FromMinutes(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalMinutes}m")
            : string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalSeconds}s");
}
