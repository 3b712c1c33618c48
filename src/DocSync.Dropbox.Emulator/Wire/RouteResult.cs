using System.Text.Json.Nodes;

namespace DocSync.Dropbox.Emulator.Wire;

/// <summary>What a route answers: JSON (RPC and upload) or metadata plus bytes (download).</summary>
public sealed record RouteResult(JsonNode? Json, byte[]? Content = null, string? ContentType = null)
{
    public static RouteResult Null { get; } = new((JsonNode?)null);

    public static RouteResult Of(JsonNode? json) => new(json);

    public static RouteResult Download(JsonObject metadata, byte[] content, string contentType = "application/octet-stream") =>
        new(metadata, content, contentType);
}
