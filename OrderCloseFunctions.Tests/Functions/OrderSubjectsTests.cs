using OrderClose.Functions;

namespace OrderClose.Tests.Functions;

/// <summary>
/// A subject's length is what a reader counts (text elements), not UTF-16 units; characters that are not text to read
/// (control, bidirectional embeddings, overrides and isolates, line and paragraph separators, U+FEFF) are refused with
/// the reason.
/// </summary>
public sealed class OrderSubjectsTests
{
    private const string Accented = "e\u0301";             // é as e and a combining acute: 2 UTF-16 units, 1 character
    private const string ThumbsUpMediumSkin = "👍🏽";        // 4 UTF-16 units, 1 character
    private const string Family = "👨‍👩‍👧‍👦";             // 11 UTF-16 units (four people joined by ZWJ), 1 character
    private const string EnglandFlag = "🏴󠁧󠁢󠁥󠁮󠁧󠁿";         // 14 UTF-16 units (a tag sequence), 1 character

    public static TheoryData<string> Accepted => new()
    {
        "Green tea, 250 g",
        string.Concat(Enumerable.Repeat("绿", 256)),
        string.Concat(Enumerable.Repeat(Accented, 256)),
        string.Concat(Enumerable.Repeat(ThumbsUpMediumSkin, 256)),
        string.Concat(Enumerable.Repeat(Family, 256)),
        string.Concat(Enumerable.Repeat(EnglandFlag, 256)),
        "\u200Fשלום\u200E tea",                                // right-to-left and left-to-right marks only mark, they reorder nothing
        "می\u200Cخواهم",                                       // a zero-width non-joiner is part of Persian spelling
        "",
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Text_of_at_most_256_characters_as_a_reader_counts_them_is_accepted_whatever_its_UTF_16_length(string subject)
    {
        Assert.Null(OrderSubjects.Problem(subject));
    }

    [Theory]
    [InlineData(257, "s")]
    [InlineData(257, Accented)]
    [InlineData(257, ThumbsUpMediumSkin)]
    [InlineData(257, Family)]
    [InlineData(300, "绿")]
    public void More_than_256_characters_are_refused_saying_how_many(int count, string character)
    {
        var problem = OrderSubjects.Problem(string.Concat(Enumerable.Repeat(character, count)));

        Assert.Equal($"{OrderSubjects.Rule} This one has {count} characters.", problem);
    }

    [Theory]
    [InlineData("\u0000", "a control character")]
    [InlineData("\u0007", "a control character")]
    [InlineData("\t", "a control character")]
    [InlineData("\n", "a control character")]
    [InlineData("\u007F", "a control character")]
    [InlineData("\u0085", "a control character")]
    [InlineData("\u009F", "a control character")]
    [InlineData("\u202A", "a bidirectional embedding or override, which reorders the text after it")]
    [InlineData("\u202B", "a bidirectional embedding or override, which reorders the text after it")]
    [InlineData("\u202C", "a bidirectional embedding or override, which reorders the text after it")]
    [InlineData("\u202D", "a bidirectional embedding or override, which reorders the text after it")]
    [InlineData("\u202E", "a bidirectional embedding or override, which reorders the text after it")]
    [InlineData("\u2066", "a bidirectional isolate, which reorders the text around it")]
    [InlineData("\u2067", "a bidirectional isolate, which reorders the text around it")]
    [InlineData("\u2068", "a bidirectional isolate, which reorders the text around it")]
    [InlineData("\u2069", "a bidirectional isolate, which reorders the text around it")]
    [InlineData("\u2028", "a line separator")]
    [InlineData("\u2029", "a paragraph separator")]
    [InlineData("\uFEFF", "a zero-width no-break space (byte order mark), which hides in the text")]
    public void A_character_that_is_not_text_to_read_is_refused_naming_it(string character, string what)
    {
        var problem = OrderSubjects.Problem($"Tea {character}gpj.exe");

        Assert.Equal($"{OrderSubjects.Rule} Found U+{char.ConvertToUtf32(character, 0):X4}, {what}.", problem);
    }
}
