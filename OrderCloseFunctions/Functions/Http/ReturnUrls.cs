namespace OrderClose.Functions.Http;

/// <summary>Where a provider may send the buyer back: an absolute https URL, or http on loopback (local development).</summary>
public static class ReturnUrls
{
    public const int MaxLength = 1024;

    /// <returns>The URL; null when <paramref name="text"/> is null or not allowed, with <paramref name="error"/> saying why for the latter.</returns>
    public static Uri? Parse(string? text, out string? error)
    {
        error = null;
        if (text is null)
        {
            return null;
        }
        if (text.Length <= MaxLength
            && Uri.TryCreate(text, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
            && string.IsNullOrEmpty(url.UserInfo))
        {
            return url;
        }
        error = $"An absolute https URL (http only on loopback), without user info, at most {MaxLength} characters.";
        return null;
    }
}
