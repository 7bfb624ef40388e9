namespace OrderClose.Tests.Properties;

/// <summary>What the properties expect of anything accepted, written without a regex so it cannot share the app's pattern's mistakes.</summary>
internal static class WellFormed
{
    /// <summary>1 to 64 ASCII letters, digits, '_' or '-', and nothing else: no trailing newline.</summary>
    public static bool OrderNumber(string? value) =>
        value is { Length: >= 1 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
