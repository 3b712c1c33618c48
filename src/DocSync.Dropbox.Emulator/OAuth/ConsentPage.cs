using System.Net;
using Microsoft.AspNetCore.Http;

namespace DocSync.Dropbox.Emulator.OAuth;

/// <summary>The small HTML pages the authorize flow shows.</summary>
internal static class ConsentPage
{
    public static string Enc(string text) => WebUtility.HtmlEncode(text);

    public static string Page(string title, string body) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{{Enc(title)}} - Dropbox emulator</title>
        <style>
          body { font-family: system-ui, sans-serif; background: #f7f5f2; margin: 0; }
          main { max-width: 28rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: .5rem; box-shadow: 0 1px 4px #0002; }
          h1 { font-size: 1.3rem; } .error { color: #b00020; } select { width: 100%; padding: .4rem; margin: .5rem 0 1rem; }
          .buttons { display: flex; gap: .5rem; justify-content: flex-end; }
          button { padding: .5rem 1.2rem; border-radius: .3rem; border: 1px solid #0061fe; background: #fff; color: #0061fe; cursor: pointer; }
          #allow { background: #0061fe; color: #fff; }
          .badge { font-size: .75rem; color: #666; }
        </style></head>
        <body><main><p class="badge">Dropbox emulator (offline)</p><h1>{{Enc(title)}}</h1>{{body}}</main></body></html>
        """;

    public static async Task WriteHtml(HttpContext http, int status, string html)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.XFrameOptions = "DENY";
        await http.Response.WriteAsync(html, http.RequestAborted);
    }
}
