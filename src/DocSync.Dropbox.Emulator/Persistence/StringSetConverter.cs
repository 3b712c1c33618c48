using System.Text.Json;
using System.Text.Json.Serialization;

namespace DocSync.Dropbox.Emulator.Persistence;

/// <summary>Reads and writes <see cref="IReadOnlySet{T}"/> of strings (scopes) as a JSON array.</summary>
internal sealed class StringSetConverter : JsonConverter<IReadOnlySet<string>>
{
    public override IReadOnlySet<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<List<string>>(ref reader, options)?.ToHashSet(StringComparer.Ordinal) ?? [];

    public override void Write(Utf8JsonWriter writer, IReadOnlySet<string> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Order(StringComparer.Ordinal).ToList(), options);
}
