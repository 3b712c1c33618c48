using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DocSync.Dropbox.Emulator.Hosting;

/// <summary>Serves temporary links (410 once expired) and shared links (404 once revoked).</summary>
internal static class LinkEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/_links/temp/{token}/{**name}", async (HttpContext http, string token) =>
        {
            Stream? content = null;
            long length = 0;
            var status = 404;
            lock (state.Gate)
            {
                if (state.TemporaryLinks.TryGetValue(token, out var link))
                {
                    if (link.ExpiresAt <= state.Now)
                    {
                        status = 410;
                    }
                    else if (state.Stores.TryGetValue(link.StoreNamespaceId, out var store) && store.Revisions.TryGetValue(link.Rev, out var version))
                    {
                        content = state.Blobs.OpenRead(version.ContentHash);
                        length = version.Size;
                        status = 200;
                    }
                }
            }
            await Serve(http, status, content, length);
        });

        app.MapGet("/s/{id}/{**name}", async (HttpContext http, string id) =>
        {
            Stream? content = null;
            long length = 0;
            var status = 404;
            lock (state.Gate)
            {
                var link = state.SharedLinks.Values.FirstOrDefault(l => l.Id == "id:" + id && !l.Revoked);
                if (link is not null)
                {
                    var node = state.Stores[link.StoreNamespaceId].GetById(link.NodeId);
                    if (link.Expires is { } expires && expires <= state.Now)
                    {
                        status = 410;
                    }
                    else if (link.Password is not null && http.Request.Query["password"] != link.Password)
                    {
                        status = 401;
                    }
                    else if (node?.Current is { } version)
                    {
                        content = state.Blobs.OpenRead(version.ContentHash);
                        length = version.Size;
                        status = 200;
                    }
                    else if (node is { IsFolder: true })
                    {
                        var names = state.Stores[link.StoreNamespaceId].Children(node.PathLower).Select(n => n.Name);
                        var listing = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', names));
                        content = new MemoryStream(listing);
                        length = listing.Length;
                        status = 200;
                    }
                }
            }
            await Serve(http, status, content, length);
        });
    }

    private static async Task Serve(HttpContext http, int status, Stream? stream, long length)
    {
        await using var content = stream;
        if (status != 200 || content is null)
        {
            await ResponseWriter.WriteTextAsync(http, status, status switch
            {
                410 => "This link has expired.",
                401 => "This link needs a password.",
                _ => "This link does not exist or was revoked.",
            });
            return;
        }
        http.Response.Headers.AcceptRanges = "bytes";
        http.Response.ContentType = "application/octet-stream";
        if (RangeHeader.TryParse(http.Request.Headers.Range.ToString(), length, out var range))
        {
            if (range is not { } r)
            {
                http.Response.StatusCode = 416;
                return;
            }
            http.Response.StatusCode = 206;
            http.Response.Headers.ContentRange = $"bytes {r.Start}-{r.End}/{length}";
            http.Response.ContentLength = r.End - r.Start + 1;
            content.Seek(r.Start, SeekOrigin.Begin);
            await ResponseWriter.CopyAsync(content, http.Response.Body, r.End - r.Start + 1, http.RequestAborted);
            return;
        }
        http.Response.ContentLength = length;
        await ResponseWriter.CopyAsync(content, http.Response.Body, length, http.RequestAborted);
    }
}
