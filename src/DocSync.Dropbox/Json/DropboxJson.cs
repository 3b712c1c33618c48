using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DocSync.Dropbox.Json;

/// <summary>System.Text.Json settings for Dropbox's wire format, and the header-safe escaping.</summary>
internal static class DropboxJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Dropbox does not promise that ".tag" leads an object.
        AllowOutOfOrderMetadataProperties = true,
        PropertyNameCaseInsensitive = false,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static T Deserialize<T>(ReadOnlySpan<byte> utf8, string route)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(utf8, Options)
                ?? throw new JsonException("The answer was null.");
        }
        catch (JsonException e)
        {
            throw new DropboxApiException(route, 200, DropboxErrorTags.None,
                $"Could not decode the answer of {route}: {e.Message}", null, null, isTransient: false, innerException: e);
        }
    }

    public static T Deserialize<T>(string json, string route) => Deserialize<T>(Encoding.UTF8.GetBytes(json), route);

    /// <summary>Compact JSON of an argument object (null → <c>null</c>).</summary>
    public static string Serialize(JsonNode? node) => node is null ? "null" : node.ToJsonString();

    /// <summary>
    /// Makes JSON safe for an HTTP header, as Dropbox asks: every UTF-16 code unit at or above
    /// 0x7F becomes <c>\uXXXX</c> (characters outside the BMP thus become surrogate pairs).
    /// </summary>
    public static string HeaderSafe(string json)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (c < 0x7F)
            {
                builder?.Append(c);
                continue;
            }
            builder ??= new StringBuilder(json, 0, i, json.Length + 32);
            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return builder?.ToString() ?? json;
    }

    /// <summary>Dropbox timestamp: UTC, whole seconds, trailing Z.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A void union member, <c>{".tag":name}</c>.</summary>
    public static JsonObject Tag(string tag) => new() { [".tag"] = tag };

    /// <summary>The <c>.tag</c> of an object, or the string itself; null otherwise.</summary>
    public static string? TagOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Object when element.TryGetProperty(".tag", out var tag) && tag.ValueKind == JsonValueKind.String => tag.GetString(),
        _ => null,
    };

    /// <summary>
    /// The tag path of an error union: each <c>.tag</c>, then the value nested under it, or a union
    /// inlined beside it (e.g. upload's <c>reason</c>). <c>{".tag":"path","path":{".tag":"not_found"}}</c>
    /// gives <c>path/not_found</c>.
    /// </summary>
    public static string TagPath(JsonElement error)
    {
        var parts = new List<string>();
        var current = error;
        while (current.ValueKind == JsonValueKind.Object && TagOf(current) is { } tag)
        {
            parts.Add(tag);
            if (current.TryGetProperty(tag, out var nested) && TagOf(nested) is not null)
            {
                current = nested;
                continue;
            }
            var inlined = current.EnumerateObject()
                .FirstOrDefault(p => p.Name != ".tag" && p.Value.ValueKind == JsonValueKind.Object && TagOf(p.Value) is not null);
            if (inlined.Value.ValueKind != JsonValueKind.Object)
            {
                break;
            }
            current = inlined.Value;
        }
        return string.Join('/', parts);
    }

    /// <summary>Finds a number field anywhere in an error union (e.g. <c>correct_offset</c>).</summary>
    public static long? FindLong(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == name && property.Value.ValueKind == JsonValueKind.Number)
            {
                return property.Value.GetInt64();
            }
            if (FindLong(property.Value, name) is { } found)
            {
                return found;
            }
        }
        return null;
    }
}
