using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OrderClose.Functions.Http;

/// <summary>Reads query parameters the same way on every route: each at most once, numbers as plain digits within bounds.</summary>
public static class QueryParameters
{
    /// <summary>The parameter's value when it is given exactly once; null when it is absent or repeated.</summary>
    public static string? Single(IQueryCollection query, string name) => query[name] is { Count: 1 } values ? values[0] : null;

    /// <summary>
    /// A whole number from <paramref name="min"/> to <paramref name="max"/>: <paramref name="fallback"/> when the parameter is
    /// absent; when it is given otherwise (repeated, empty, signed, out of bounds), what is wrong goes into
    /// <paramref name="errors"/> under its name, and <paramref name="fallback"/> is returned.
    /// </summary>
    public static long WholeNumber(IQueryCollection query, string name, long fallback, long min, long max, IDictionary<string, string[]> errors)
    {
        if (!query.ContainsKey(name))
        {
            return fallback;
        }
        if (long.TryParse(Single(query, name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        errors[name] = [$"A whole number from {min} to {max}, once."];
        return fallback;
    }
}
