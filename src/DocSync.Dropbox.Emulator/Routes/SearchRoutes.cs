using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Wire;

namespace DocSync.Dropbox.Emulator.Routes;

/// <summary>search_v2 and search/continue_v2: file-name (and small text content) search.</summary>
internal static class SearchRoutes
{
    private const int MaxTotalMatches = 10_000;
    private const int MaxContentBytes = 1024 * 1024;

    public static void Register(RouteTable routes)
    {
        routes.Rpc("files/search_v2", "files.metadata.read", Search)
            .Rpc("files/search/continue_v2", "files.metadata.read", Continue);
    }

    private sealed record SearchQuery(string Query, string Path, int MaxResults, bool Deleted, bool FilenameOnly,
        IReadOnlyList<string> Extensions, string OrderBy, int Offset);

    private static ValueTask<RouteResult> Search(CallContext ctx)
    {
        var args = ctx.Args;
        var query = args.String("query", maxLength: 1000);
        var options = args.OptionalObject("options");
        var path = options?.OptionalString("path", Patterns.PathROrId()) ?? "";
        var maxResults = (int)(options?.Long("max_results", 100, 1, 1000) ?? 100);
        var status = options?.OptionalUnion("file_status", ["active", "deleted"])?.Tag ?? "active";
        var orderBy = options?.OptionalUnion("order_by", ["relevance", "last_modified_time"])?.Tag ?? "relevance";
        var filenameOnly = options?.Bool("filename_only", false) ?? false;
        var extensions = options?.StringList("file_extensions", required: false) ?? [];
        args.OptionalObject("match_field_options")?.Bool("include_highlights", false);
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new RouteErrorException(DropboxJson.Tag("invalid_argument", JsonValue.Create("query must not be empty")));
        }
        lock (ctx.State.Gate)
        {
            return ValueTask.FromResult(RouteResult.Of(Run(ctx, new SearchQuery(query, path, maxResults, status == "deleted", filenameOnly, extensions, orderBy, 0))));
        }
    }

    private static ValueTask<RouteResult> Continue(CallContext ctx)
    {
        var text = ctx.Args.String("cursor", minLength: 1);
        SearchQuery? query;
        try
        {
            query = JsonSerializer.Deserialize<SearchQuery>(Convert.FromBase64String(text));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            query = null;
        }
        if (query is null)
        {
            throw ctx.Args.FieldFail("cursor", "Invalid cursor.");
        }
        lock (ctx.State.Gate)
        {
            return ValueTask.FromResult(RouteResult.Of(Run(ctx, query)));
        }
    }

    private static JsonObject Run(CallContext ctx, SearchQuery query)
    {
        var scope = RouteHelpers.Resolve(ctx, query.Path, allowRoot: true);
        if (!scope.IsRoot && scope.Node is not { IsFolder: true })
        {
            throw RouteErrorException.Nested("path", (scope.Node is null ? PathProblem.NotFound : PathProblem.Of("not_folder")).Error);
        }
        var tokens = query.Query.Normalize(System.Text.NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var store = scope.Store;
        var matches = new List<(JsonObject Metadata, string MatchType, DateTimeOffset Modified)>();
        if (query.Deleted)
        {
            foreach (var (pathLower, version) in store.Tombstones.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                if (scope.View.Contains(pathLower) && pathLower.StartsWith(scope.AbsLower + "/", StringComparison.Ordinal)
                    && store.Get(pathLower) is null && NameMatches(version.PathDisplay, tokens, query.Extensions))
                {
                    matches.Add((Renderer.Deleted(scope.View, pathLower, version.PathDisplay), "filename", version.ServerModified));
                }
            }
        }
        else
        {
            foreach (var node in store.Descendants(scope.AbsLower))
            {
                if (!scope.View.Contains(node.PathLower))
                {
                    continue;
                }
                var byName = NameMatches(node.PathDisplay, tokens, query.Extensions);
                var byContent = !query.FilenameOnly && !byName && node.Current is { Size: <= MaxContentBytes } version
                    && query.Extensions.Count == 0 && ContentMatches(ctx.State.Blobs.ReadSmall(version.ContentHash, MaxContentBytes) ?? [], tokens);
                if (byName || byContent)
                {
                    matches.Add((Renderer.Metadata(scope.View, node), byName ? "filename" : "file_content", node.Current?.ServerModified ?? DateTimeOffset.MinValue));
                }
            }
        }
        if (query.OrderBy == "last_modified_time")
        {
            matches = matches.OrderByDescending(m => m.Modified).ToList();
        }
        var total = Math.Min(matches.Count, MaxTotalMatches);
        var page = matches.Skip(query.Offset).Take(Math.Min(query.MaxResults, Math.Max(0, total - query.Offset))).ToList();
        var hasMore = query.Offset + page.Count < total;
        var result = new JsonObject
        {
            ["matches"] = RouteHelpers.ToArray(page.Select(m => new JsonObject
            {
                ["metadata"] = DropboxJson.Tag("metadata", m.Metadata),
                ["match_type"] = DropboxJson.Tag(m.MatchType),
            })),
            ["has_more"] = hasMore,
        };
        if (hasMore)
        {
            var next = query with { Offset = query.Offset + page.Count };
            result["cursor"] = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(next));
        }
        return result;
    }

    private static bool NameMatches(string pathDisplay, string[] tokens, IReadOnlyList<string> extensions)
    {
        // Compared composed, as paths are: a name kept in NFD matches a query typed in NFC.
        var name = pathDisplay[(pathDisplay.LastIndexOf('/') + 1)..].Normalize(System.Text.NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture);
        if (extensions.Count > 0 && !extensions.Any(e => name.EndsWith("." + e.TrimStart('.').ToLower(CultureInfo.InvariantCulture), StringComparison.Ordinal)))
        {
            return false;
        }
        return tokens.All(t => name.Contains(t, StringComparison.Ordinal));
    }

    private static bool ContentMatches(byte[] content, string[] tokens)
    {
        var text = Encoding.UTF8.GetString(content).ToLower(CultureInfo.InvariantCulture);
        return tokens.All(t => text.Contains(t, StringComparison.Ordinal));
    }
}
