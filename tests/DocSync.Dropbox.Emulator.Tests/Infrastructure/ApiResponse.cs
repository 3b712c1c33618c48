using System.Net;
using System.Text.Json.Nodes;

namespace DocSync.Dropbox.Emulator.Tests.Infrastructure;

/// <summary>A raw answer from the emulator: status, headers, body text and (when JSON) the parsed body.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string? ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public JsonNode? Json => JsonNode.Parse(Text);

    public JsonObject Object => Json!.AsObject();

    /// <summary>The error union of a 409 (or 401/429) answer.</summary>
    public JsonObject Error => Object["error"]!.AsObject();

    public string Summary => Object["error_summary"]!.GetValue<string>();

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    public override string ToString() => $"{(int)Status} {ContentType}: {Text}";
}
