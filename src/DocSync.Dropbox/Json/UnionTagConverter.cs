using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocSync.Dropbox.Json;

/// <summary>
/// Reads a union whose members the caller needs only by name (<c>{".tag":"basic"}</c> or
/// <c>"basic"</c>) as that tag string; unknown tags come through as they are. Writes <c>{".tag":…}</c>.
/// </summary>
internal sealed class UnionTagConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return DropboxJson.TagOf(document.RootElement) ?? DropboxErrorTags.Other;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(".tag", value);
        writer.WriteEndObject();
    }
}
