using System.Text.Json;
using System.Text.Json.Serialization;
using DocSync.Core.Documents;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DocSync.Core.Persistence.Configurations;

/// <summary>How a <see cref="DocumentContent"/> is stored: camelCase JSON with enums by name.</summary>
internal static class DocumentContentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static readonly ValueConverter<DocumentContent, string> Converter = new(
        c => JsonSerializer.Serialize(c, Options),
        s => JsonSerializer.Deserialize<DocumentContent>(s, Options)!);

    public static readonly ValueComparer<DocumentContent> Comparer = new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        c => JsonSerializer.Serialize(c, Options).GetHashCode(StringComparison.Ordinal),
        c => JsonSerializer.Deserialize<DocumentContent>(JsonSerializer.Serialize(c, Options), Options)!);
}
