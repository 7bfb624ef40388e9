using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OrderClose.Payments.WeChatPay;

/// <summary>
/// Opens a callback's <c>resource</c>: AEAD_AES_256_GCM with the APIv3 key, the 12-character <c>nonce</c> and
/// <c>associated_data</c>; the ciphertext is base64 of the encrypted text followed by the 16-byte tag.
/// </summary>
internal sealed class WeChatPayResourceCipher(IOptions<WeChatPayOptions> options)
{
    public const string Algorithm = "AEAD_AES_256_GCM";
    public const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <returns>The plaintext; null when it is not base64, the nonce is not 12 bytes, or the tag does not match.</returns>
    public string? Decrypt(string ciphertext, string nonce, string? associatedData)
    {
        var sealedBytes = new byte[ciphertext.Length];
        var nonceBytes = Encoding.UTF8.GetBytes(nonce);
        if (!Convert.TryFromBase64String(ciphertext, sealedBytes, out var length) || length < TagSize || nonceBytes.Length != NonceSize)
        {
            return null;
        }
        var encrypted = sealedBytes.AsSpan(0, length - TagSize);
        var plaintext = new byte[encrypted.Length];
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(options.Value.ApiV3Key), TagSize);
        try
        {
            aes.Decrypt(nonceBytes, encrypted, sealedBytes.AsSpan(length - TagSize, TagSize), plaintext, Encoding.UTF8.GetBytes(associatedData ?? ""));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        return Encoding.UTF8.GetString(plaintext);
    }
}
