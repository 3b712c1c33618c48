using System.Text.Json.Nodes;

namespace DocSync.Dropbox.Emulator.Wire;

/// <summary>What a route answers: JSON (RPC and upload) or metadata plus bytes (download).</summary>
public sealed record RouteResult(JsonNode? Json, Stream? Content = null, long ContentLength = 0, string? ContentType = null)
{
    public static RouteResult Null { get; } = new((JsonNode?)null);

    public static RouteResult Of(JsonNode? json) => new(json);

    /// <summary>A download answer; the dispatcher disposes <paramref name="content"/>.</summary>
    public static RouteResult Download(JsonObject metadata, Stream content, long length, string contentType = "application/octet-stream") =>
        new(metadata, content, length, contentType);
}
