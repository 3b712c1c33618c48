using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DocSync.Dropbox.Emulator.Wire;

/// <summary>JSON helpers for Dropbox's wire conventions (tagged unions, timestamps, header-safe escaping).</summary>
public static class DropboxJson
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>Serializes a node compactly, with non-ASCII characters left as they are.</summary>
    public static string Serialize(JsonNode? node) => node is null ? "null" : node.ToJsonString(Compact);

    /// <summary>UTF-8 bytes of <see cref="Serialize"/>.</summary>
    public static byte[] SerializeToUtf8(JsonNode? node) => Encoding.UTF8.GetBytes(Serialize(node));

    /// <summary>A void union member: <c>{".tag":"name"}</c>.</summary>
    public static JsonObject Tag(string tag) => new() { [".tag"] = tag };

    /// <summary>A union member whose value nests under the tag name.</summary>
    public static JsonObject Tag(string tag, JsonNode? value) => new() { [".tag"] = tag, [tag] = value };

    /// <summary>A union member whose struct value is inlined beside <c>.tag</c>.</summary>
    public static JsonObject Inline(string tag, JsonObject fields)
    {
        var result = new JsonObject { [".tag"] = tag };
        foreach (var (key, value) in fields.ToList())
        {
            fields.Remove(key);
            result[key] = value;
        }
        return result;
    }

    /// <summary>Dropbox timestamps: UTC, whole seconds, trailing Z.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses a Dropbox timestamp; null when the text is not one.</summary>
    public static DateTimeOffset? ParseTimestamp(string text) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;

    /// <summary>
    /// Makes JSON safe for an HTTP header: every UTF-16 code unit at or above 0x7F becomes a
    /// <c>\uXXXX</c> escape, as Dropbox asks for <c>Dropbox-API-Arg</c> and sends <c>Dropbox-API-Result</c>.
    /// </summary>
    public static string HeaderSafe(string json)
    {
        var builder = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            if (c >= 0x7F)
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// The summary Dropbox puts beside a route error: the tag path joined with '/', then a dotted tail.
    /// </summary>
    public static string Summary(JsonNode? error)
    {
        var parts = new List<string>();
        var current = error;
        while (current is JsonObject obj && obj[".tag"] is JsonValue tagValue && tagValue.TryGetValue<string>(out var tag))
        {
            parts.Add(tag);
            current = obj[tag];
            if (current is not JsonObject && obj.Count > 1)
            {
                // A struct inlined beside the tag may itself hold a nested union (e.g. upload's "reason").
                current = obj.Where(p => p.Key != ".tag" && p.Value is JsonObject o && o.ContainsKey(".tag"))
                    .Select(p => p.Value).FirstOrDefault();
            }
        }
        return string.Join('/', parts) + "/..";
    }
}
