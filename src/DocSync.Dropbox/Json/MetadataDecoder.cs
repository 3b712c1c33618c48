using System.Text.Json;

namespace DocSync.Dropbox.Json;

/// <summary>
/// Decodes metadata that may or may not carry its <c>.tag</c>: routes typed as a subtype
/// (FileMetadata, FolderMetadata) send it untagged, routes typed as <c>Metadata</c> tag it.
/// </summary>
internal static class MetadataDecoder
{
    public static Metadata Decode(JsonElement element, string route)
    {
        try
        {
            if (element.TryGetProperty(".tag", out var tag) && tag.GetString() is "file" or "folder" or "deleted")
            {
                return element.Deserialize<Metadata>(DropboxJson.Options)!;
            }
            if (element.TryGetProperty("rev", out _))
            {
                return element.Deserialize<FileMetadata>(DropboxJson.Options)!;
            }
            if (element.TryGetProperty("id", out _))
            {
                return element.Deserialize<FolderMetadata>(DropboxJson.Options)!;
            }
            return element.Deserialize<Metadata>(DropboxJson.Options)!;
        }
        catch (JsonException e)
        {
            throw new DropboxApiException(route, 200, DropboxErrorTags.None, $"Could not decode metadata from {route}: {e.Message}",
                null, null, isTransient: false, innerException: e);
        }
    }
}
