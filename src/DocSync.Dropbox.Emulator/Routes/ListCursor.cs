using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocSync.Dropbox.Emulator.Routes;

/// <summary>
/// What a list_folder cursor carries: the view (store and prefix), the folder, the options,
/// the journal position, and (while the first listing is still paging) the last key served.
/// Signed so a forged or damaged cursor is refused.
/// </summary>
internal sealed record ListCursor(
    [property: JsonPropertyName("s")] string StoreNamespaceId,
    [property: JsonPropertyName("v")] string ViewNamespaceId,
    [property: JsonPropertyName("p")] string ViewPrefixLower,
    [property: JsonPropertyName("f")] string FolderLower,
    [property: JsonPropertyName("r")] bool Recursive,
    [property: JsonPropertyName("d")] bool IncludeDeleted,
    [property: JsonPropertyName("q")] long Seq,
    [property: JsonPropertyName("a")] string? AfterKey,
    [property: JsonPropertyName("g")] int Generation,
    [property: JsonPropertyName("l")] string Lineage,
    [property: JsonPropertyName("n")] int Limit)
{
    public string Encode(byte[] key)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(this);
        var mac = HMACSHA256.HashData(key, payload).AsSpan(0, 12).ToArray();
        return "AA" + Base64Url(payload) + "." + Base64Url(mac);
    }

    public static ListCursor? Decode(string text, byte[] key)
    {
        try
        {
            if (!text.StartsWith("AA", StringComparison.Ordinal))
            {
                return null;
            }
            var parts = text[2..].Split('.');
            if (parts.Length != 2)
            {
                return null;
            }
            var payload = FromBase64Url(parts[0]);
            var mac = HMACSHA256.HashData(key, payload).AsSpan(0, 12);
            if (!CryptographicOperations.FixedTimeEquals(mac, FromBase64Url(parts[1])))
            {
                return null;
            }
            return JsonSerializer.Deserialize<ListCursor>(payload);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The key cursors are signed with, derived from the seed so cursors survive restarts.</summary>
    public static byte[] KeyFor(int seed) => SHA256.HashData(Encoding.UTF8.GetBytes($"docsync-emulator-cursor-{seed}"));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Convert.FromBase64String(padded);
    }
}
