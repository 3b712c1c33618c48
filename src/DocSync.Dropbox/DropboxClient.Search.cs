using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DocSync.Dropbox.Json;

namespace DocSync.Dropbox;

public sealed partial class DropboxClient
{
    private sealed record SearchWire(IReadOnlyList<SearchMatchWire> Matches, bool HasMore, string? Cursor);

    private sealed record SearchMatchWire(JsonElement Metadata, [property: JsonConverter(typeof(UnionTagConverter))] string? MatchType);

    /// <summary><c>files/search_v2</c>: the first page of hits. Dropbox's index lags writes a little.</summary>
    public async Task<SearchPage> SearchAsync(string query, SearchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        if (query.Length > 1000)
        {
            throw new ArgumentException("A search query is at most 1000 characters.", nameof(query));
        }
        var arg = new JsonObject { ["query"] = query };
        if (options is not null)
        {
            var wire = new JsonObject
            {
                ["file_status"] = DropboxJson.Tag(options.Deleted ? "deleted" : "active"),
                ["filename_only"] = options.FilenameOnly,
                ["order_by"] = DropboxJson.Tag(options.OrderByLastModified ? "last_modified_time" : "relevance"),
            };
            if (options.Path is { } path)
            {
                RequirePath(path, allowRoot: true);
                wire["path"] = path;
            }
            if (options.MaxResults is { } max)
            {
                wire["max_results"] = max is >= 1 and <= 1000 ? max : throw new ArgumentOutOfRangeException(nameof(options), max, "SearchOptions.MaxResults must be between 1 and 1000.");
            }
            if (options.FileExtensions is { Count: > 0 } extensions)
            {
                wire["file_extensions"] = new JsonArray(extensions.Select(e => (JsonNode)e).ToArray());
            }
            arg["options"] = wire;
        }
        return ToPage(await _transport.RpcAsync<SearchWire>("files/search_v2", arg, cancellationToken).ConfigureAwait(false), "files/search_v2");
    }

    /// <summary><c>files/search/continue_v2</c>: the next page of hits.</summary>
    public async Task<SearchPage> SearchContinueAsync(string cursor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cursor);
        return ToPage(await _transport.RpcAsync<SearchWire>("files/search/continue_v2", new JsonObject { ["cursor"] = cursor }, cancellationToken)
            .ConfigureAwait(false), "files/search/continue_v2");
    }

    /// <summary>Every hit, following <c>has_more</c> to the end (or throwing).</summary>
    public async IAsyncEnumerable<SearchMatch> SearchAllAsync(string query, SearchOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var page = await SearchAsync(query, options, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            foreach (var match in page.Matches)
            {
                yield return match;
            }
            if (!page.HasMore || page.Cursor is null)
            {
                yield break;
            }
            page = await SearchContinueAsync(page.Cursor, cancellationToken).ConfigureAwait(false);
        }
    }

    private static SearchPage ToPage(SearchWire wire, string route) => new()
    {
        HasMore = wire.HasMore,
        Cursor = wire.Cursor,
        // MetadataV2 is a union: {".tag":"metadata","metadata":{…}}; unknown members are skipped.
        Matches = wire.Matches
            .Where(m => DropboxJson.TagOf(m.Metadata) == "metadata" && m.Metadata.TryGetProperty("metadata", out _))
            .Select(m => new SearchMatch { Metadata = MetadataDecoder.Decode(m.Metadata.GetProperty("metadata"), route), MatchType = m.MatchType })
            .ToList(),
    };
}
