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
            byte[]? content = null;
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
                        content = state.Blobs.Get(version.ContentHash);
                        status = 200;
                    }
                }
            }
            await Serve(http, status, content);
        });

        app.MapGet("/s/{id}/{**name}", async (HttpContext http, string id) =>
        {
            byte[]? content = null;
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
                        content = state.Blobs.Get(version.ContentHash);
                        status = 200;
                    }
                    else if (node is { IsFolder: true })
                    {
                        var names = state.Stores[link.StoreNamespaceId].Children(node.PathLower).Select(n => n.Name);
                        content = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', names));
                        status = 200;
                    }
                }
            }
            await Serve(http, status, content);
        });
    }

    private static async Task Serve(HttpContext http, int status, byte[]? content)
    {
        if (status != 200 || content is null)
        {
            await Dispatcher.WriteTextAsync(http, status, status switch
            {
                410 => "This link has expired.",
                401 => "This link needs a password.",
                _ => "This link does not exist or was revoked.",
            });
            return;
        }
        http.Response.Headers.AcceptRanges = "bytes";
        if (RangeHeader.TryParse(http.Request.Headers.Range.ToString(), content.LongLength, out var range))
        {
            if (range is not { } r)
            {
                http.Response.StatusCode = 416;
                return;
            }
            http.Response.StatusCode = 206;
            http.Response.Headers.ContentRange = $"bytes {r.Start}-{r.End}/{content.LongLength}";
            http.Response.ContentLength = r.End - r.Start + 1;
            await http.Response.Body.WriteAsync(content.AsMemory((int)r.Start, (int)(r.End - r.Start + 1)));
            return;
        }
        http.Response.ContentType = "application/octet-stream";
        http.Response.ContentLength = content.LongLength;
        await http.Response.Body.WriteAsync(content);
    }
}
