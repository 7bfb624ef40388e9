using System.Globalization;
using System.Text;

namespace OrderClose.Functions;

/// <summary>
/// What an order's subject may be: text a buyer reads on the provider's cashier page and statement. Its length is
/// counted as a reader counts characters (text elements, <see cref="StringInfo"/>: a letter with its accents, a flag,
/// an emoji with its skin tone each count once), not in UTF-16 units; and it carries nothing that is not text to read:
/// no control character, nothing that reorders the text around it, breaks its lines or hides in it.
/// </summary>
public static class OrderSubjects
{
    public const int MaxLength = 256;

    /// <summary>The rule, as the 400 states it.</summary>
    public const string Rule =
        "At most 256 characters, counted as a reader sees them; no control characters, bidirectional embeddings, overrides " +
        "or isolates (U+202A to U+202E, U+2066 to U+2069), line or paragraph separators (U+2028, U+2029) or U+FEFF.";

    /// <returns>Null when <paramref name="subject"/> may be stored; else the rule and what breaks it.</returns>
    public static string? Problem(string subject)
    {
        // A lone surrogate never gets here: the JSON reader refuses the body (malformed-json).
        foreach (var rune in subject.EnumerateRunes())
        {
            if (Refused(rune) is { } what)
            {
                return $"{Rule} Found U+{rune.Value:X4}, {what}.";
            }
        }
        var length = new StringInfo(subject).LengthInTextElements;
        return length > MaxLength ? $"{Rule} This one has {length} characters." : null;
    }

    private static string? Refused(Rune rune) => rune.Value switch
    {
        _ when Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control => "a control character",
        >= 0x202A and <= 0x202E => "a bidirectional embedding or override, which reorders the text after it",
        >= 0x2066 and <= 0x2069 => "a bidirectional isolate, which reorders the text around it",
        0x2028 => "a line separator",
        0x2029 => "a paragraph separator",
        0xFEFF => "a zero-width no-break space (byte order mark), which hides in the text",
        _ => null,
    };
}
