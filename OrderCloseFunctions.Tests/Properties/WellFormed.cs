using System.Globalization;

namespace OrderClose.Tests.Properties;

/// <summary>What the properties expect of anything accepted, written without a regex so it cannot share the app's pattern's mistakes.</summary>
internal static class WellFormed
{
    /// <summary>1 to 64 ASCII letters, digits, '_' or '-', and nothing else: no trailing newline.</summary>
    public static bool OrderNumber(string? value) =>
        value is { Length: >= 1 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>
    /// None, or at most 256 text elements (what a reader counts as characters) of well-formed UTF-16 without control
    /// characters, bidirectional embeddings, overrides or isolates, line or paragraph separators, or U+FEFF.
    /// </summary>
    public static bool Subject(string? value)
    {
        if (value is null)
        {
            return true;
        }
        var elements = 0;
        var reader = StringInfo.GetTextElementEnumerator(value);
        while (reader.MoveNext())
        {
            elements++;
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c) || c < ' ' || c is >= '\u007F' and <= '\u009F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'
                or '\u2028' or '\u2029' or '\uFEFF')
            {
                return false;
            }
        }
        return elements <= 256;
    }
}
