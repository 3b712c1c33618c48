using System.Text;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Emulator.Tests.Infrastructure;

namespace DocSync.Dropbox.Emulator.Tests.Wire;

/// <summary>Hostile and random input on every route: a clear 4xx, never a 500 from the emulator itself.</summary>
public sealed class BadInputTests : EmulatorFixture
{
    private static readonly string[] Routes =
    [
        "users/get_current_account", "users/get_space_usage", "files/get_metadata", "files/list_folder",
        "files/list_folder/continue", "files/list_folder/get_latest_cursor", "files/list_folder/longpoll",
        "files/upload_session/finish_batch_v2", "files/upload_session/finish_batch", "files/upload_session/finish_batch/check",
        "files/create_folder_v2", "files/create_folder_batch", "files/create_folder_batch/check", "files/delete_v2",
        "files/delete_batch", "files/delete_batch/check", "files/move_v2", "files/move_batch_v2", "files/move_batch/check_v2",
        "files/copy_v2", "files/search_v2", "files/search/continue_v2", "files/get_temporary_link", "files/list_revisions",
        "files/restore", "sharing/create_shared_link_with_settings", "sharing/list_shared_links", "sharing/revoke_shared_link",
        "team/members/list_v2", "team/members/list/continue_v2",
    ];

    private static readonly string[] UploadRoutes =
    [
        "files/upload", "files/upload_session/start", "files/upload_session/append_v2", "files/upload_session/finish", "files/download",
    ];

    private static readonly string[] Values =
    [
        "\"\"", "\"/\"", "\"//\"", "\"relative\"", "\"/a/../b\"", "\"/a\\u0000b\"", "\"id:\"", "\"ns:abc/x\"", "\"rev:0\"", "\"ns:1/x\"",
        "null", "0", "-1", "1e300", "true", "[]", "{}", "{\".tag\":\"nope\"}", "\"" + new string('x', 5000) + "\"",
        "\"/" + new string('é', 300) + "\"", "\"\\ud800\"", "\"/\\u202eevil.txt\"", "\"pid_upload_session:x\"", "\"AAAA.BBBB\"",
    ];

    private static readonly string[] Fields =
    [
        "path", "cursor", "recursive", "limit", "timeout", "entries", "paths", "from_path", "to_path", "query", "options", "rev",
        "mode", "autorename", "async_job_id", "url", "settings", "commit", "close", "content_hash", "include_deleted", "session_type",
    ];

    [Fact]
    public async Task RandomArguments_NeverAnswer5xx()
    {
        const int seed = 20261123;
        var random = new Random(seed);
        var failures = new List<string>();
        for (var i = 0; i < 600; i++)
        {
            var arg = new StringBuilder("{");
            var count = random.Next(0, 4);
            for (var f = 0; f < count; f++)
            {
                arg.Append(f == 0 ? "" : ",").Append('"').Append(Fields[random.Next(Fields.Length)]).Append("\":").Append(Values[random.Next(Values.Length)]);
            }
            arg.Append('}');
            var text = random.Next(10) == 0 ? Values[random.Next(Values.Length)] : arg.ToString();
            ApiResponse response;
            if (random.Next(4) == 0)
            {
                var route = UploadRoutes[random.Next(UploadRoutes.Length)];
                using var request = new HttpRequestMessage(HttpMethod.Post, "2/" + route) { Content = new ByteArrayContent(new byte[random.Next(0, 64)]) };
                request.Content.Headers.ContentType = new("application/octet-stream");
                request.Headers.TryAddWithoutValidation("Dropbox-API-Arg", ApiClient.HeaderSafe(text));
                response = await Alice.SendAsync(request);
                text = route + " " + text;
            }
            else
            {
                var route = Routes[random.Next(Routes.Length)];
                response = await Alice.RpcRawAsync(route, text);
                text = route + " " + text;
            }
            if ((int)response.Status >= 500)
            {
                failures.Add($"{text} -> {response}");
            }
        }

        failures.ShouldBeEmpty($"seed {seed}: " + string.Join("\n", failures.Take(5)));
    }

    [Fact]
    public async Task HostileNames_RoundTripOrGetAClearError()
    {
        string[] names =
        [
            "Facture n°1 — été.pdf", "请求书.pdf", "فاتورة.pdf", "‮fdp.exe", "emoji 🧾.pdf", "semi;colon,comma.pdf",
            "quote\"and'apostrophe.pdf", "back\\slash.pdf", "tab\there.pdf", "CON", "trailing.dot.", "  spaces  .pdf",
        ];
        foreach (var name in names)
        {
            var response = await Alice.UploadAsync("files/upload", new JsonObject { ["path"] = "/hostile/" + name }, Encoding.UTF8.GetBytes(name));
            ((int)response.Status).ShouldBeLessThan(500, name);
            if (response.Status == System.Net.HttpStatusCode.OK)
            {
                (await Alice.DownloadAsync(response.Object["path_lower"]!.GetValue<string>())).Text.ShouldBe(name);
            }
        }
    }
}
