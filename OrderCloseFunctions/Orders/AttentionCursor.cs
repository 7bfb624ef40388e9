using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace OrderClose.Orders;

/// <summary>
/// Where a page of <see cref="ListOrdersNeedingAttention"/> left off, as the opaque, URL-safe continuation handed to the
/// caller (base64url): which list, the overdue cutoff of its first page (so every page of one listing asks the store
/// the same query, whose continuation is only good for that query), and the store's own continuation.
/// </summary>
internal sealed record AttentionCursor(Attention Attention, DateTimeOffset Cutoff, string? Store)
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public override string ToString() =>
        Base64Url.EncodeToString(Strict.GetBytes($"{Attention}|{Cutoff.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{Store}"));

    /// <exception cref="InvalidContinuationException">Not a continuation of the list of <paramref name="attention"/>.</exception>
    public static AttentionCursor Parse(Attention attention, string continuation)
    {
        string text;
        try
        {
            text = Strict.GetString(Base64Url.DecodeFromChars(continuation));
        }
        catch (Exception exception) when (exception is FormatException or DecoderFallbackException)
        {
            throw new InvalidContinuationException("The continuation is not one this list made.", exception);
        }
        return text.Split('|', 3) is [var name, var ticks, { Length: > 0 } store]
               && name == attention.ToString()
               && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
               && utcTicks <= DateTimeOffset.MaxValue.UtcTicks
            ? new AttentionCursor(attention, new DateTimeOffset(utcTicks, TimeSpan.Zero), store)
            : throw new InvalidContinuationException($"The continuation is not one of the list of {attention.ToString().ToLowerInvariant()} orders.");
    }
}
