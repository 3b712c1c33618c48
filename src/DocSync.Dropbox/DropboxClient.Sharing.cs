using System.Text.Json;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Json;

namespace DocSync.Dropbox;

public sealed partial class DropboxClient
{
    /// <summary>
    /// <c>sharing/create_shared_link_with_settings</c>. When a link exists already Dropbox answers
    /// <c>shared_link_already_exists</c>; <see cref="GetOrCreateSharedLinkAsync"/> handles that case.
    /// </summary>
    public Task<SharedLinkMetadata> CreateSharedLinkAsync(string path, SharedLinkSettings? settings = null, CancellationToken cancellationToken = default)
    {
        RequirePath(path);
        var arg = new JsonObject { ["path"] = path };
        if (settings is not null)
        {
            var wire = new JsonObject();
            if (settings.Audience is { } audience)
            {
                wire["audience"] = DropboxJson.Tag(audience);
            }
            if (settings.Access is { } access)
            {
                wire["access"] = DropboxJson.Tag(access);
            }
            if (settings.Password is { } password)
            {
                wire["require_password"] = true;
                wire["link_password"] = password;
            }
            if (settings.Expires is { } expires)
            {
                wire["expires"] = DropboxJson.Timestamp(expires);
            }
            if (settings.AllowDownload is { } allow)
            {
                wire["allow_download"] = allow;
            }
            arg["settings"] = wire;
        }
        return _transport.RpcAsync<SharedLinkMetadata>("sharing/create_shared_link_with_settings", arg, cancellationToken);
    }

    /// <summary>
    /// The shared link of <paramref name="path"/>: a new public one, or the existing one (taken from the
    /// <c>shared_link_already_exists</c> answer, or from <c>list_shared_links</c> when Dropbox omits it).
    /// </summary>
    public async Task<SharedLinkMetadata> GetOrCreateSharedLinkAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            return await CreateSharedLinkAsync(path, null, cancellationToken).ConfigureAwait(false);
        }
        catch (DropboxApiException e) when (e.HasTag(DropboxErrorTags.SharedLinkAlreadyExists))
        {
            if (e.ErrorJson is { } error && error.TryGetProperty("shared_link_already_exists", out var existing)
                && existing.ValueKind == JsonValueKind.Object && existing.TryGetProperty("metadata", out var metadata))
            {
                return metadata.Deserialize<SharedLinkMetadata>(DropboxJson.Options)!;
            }
            var page = await ListSharedLinksAsync(path, directOnly: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (page.Links.FirstOrDefault() is { } link)
            {
                return link;
            }
            throw;
        }
    }

    /// <summary><c>sharing/list_shared_links</c>: links of a path (and its parents unless <paramref name="directOnly"/>), or all links.</summary>
    public Task<SharedLinksPage> ListSharedLinksAsync(string? path = null, string? cursor = null, bool directOnly = false, CancellationToken cancellationToken = default)
    {
        var arg = new JsonObject();
        if (path is not null)
        {
            RequirePath(path);
            arg["path"] = path;
            arg["direct_only"] = directOnly;
        }
        if (cursor is not null)
        {
            arg["cursor"] = cursor;
        }
        return _transport.RpcAsync<SharedLinksPage>("sharing/list_shared_links", arg, cancellationToken);
    }

    /// <summary><c>sharing/revoke_shared_link</c>.</summary>
    public Task RevokeSharedLinkAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return _transport.RpcRawAsync("sharing/revoke_shared_link", new JsonObject { ["url"] = url }, cancellationToken);
    }
}
