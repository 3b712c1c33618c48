using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace DocSync.Web.Tests.Pages;

/// <summary>
/// One handler of a company page (<c>/c/{companyId}/…</c>). <see cref="All"/> lists every one the UI
/// maps (a test compares it with the app's endpoints), so the cross-company matrix covers a new page
/// or form as soon as it is added.
/// </summary>
/// <param name="Method">GET or POST.</param>
/// <param name="Template">The route as the page declares it, e.g. <c>/c/{companyId:guid}/documents/{documentId:guid}</c>.</param>
/// <param name="Handler">The named handler (<c>?handler=</c>), lower case, or <see langword="null"/>.</param>
/// <param name="TargetsThing">Whether it acts on one thing named by id (in its route or form), so that id can belong to another company.</param>
/// <param name="Form">The form fields a person would send, for the given ids.</param>
/// <param name="FilePart">The form's file field, if it uploads one.</param>
/// <param name="Query">A query string the handler reads (e.g. the folder picker's), for the given ids; the same handler may be listed with and without one.</param>
public sealed partial record PageRoute(
    string Method, string Template, string? Handler, bool TargetsThing,
    Func<PageIds, Dictionary<string, string>>? Form = null, string? FilePart = null, Func<PageIds, string>? Query = null)
{
    private const string Documents = "/c/{companyId:guid}/documents";
    private const string Document = "/c/{companyId:guid}/documents/{documentId:guid}";
    private const string Inbox = "/c/{companyId:guid}/inbox";
    private const string InboxItem = "/c/{companyId:guid}/inbox/{itemId:guid}";
    private const string Binders = "/c/{companyId:guid}/binders";
    private const string People = "/c/{companyId:guid}/people";
    private const string ApiKeys = "/c/{companyId:guid}/api-keys";
    private const string Connections = "/c/{companyId:guid}/connections";
    private const string Connection = "/c/{companyId:guid}/connections/{connectionId:guid}";
    private const string Collection = "/c/{companyId:guid}/collection";
    private const string Channel = "/c/{companyId:guid}/collection/{channelId:guid}";
    private const string Files = "/c/{companyId:guid}/files";

    public static IReadOnlyList<PageRoute> All { get; } =
    [
        new("GET", "/c/{companyId:guid}/overview", null, false),
        new("GET", "/c/{companyId:guid}/notifications", null, false),
        new("POST", "/c/{companyId:guid}/notifications", "read", true, ids => new() { ["noticeId"] = Id(ids.NoticeId) }),
        new("POST", "/c/{companyId:guid}/notifications", "readall", false),
        new("POST", "/c/{companyId:guid}/notifications", "mail", false, _ => new() { ["mail"] = "DailyDigest" }),
        new("GET", Documents, null, false),
        new("GET", Documents + "/new", null, false),
        new("POST", Documents + "/new", null, false, ids => DocumentForm(ids, "X-MATRIX-NEW"), "Input.File"),
        new("GET", Document, null, true),
        new("POST", Document, "status", true, _ => new() { ["status"] = "Cancelled", ["version"] = "1" }),
        new("POST", Document, "attach", true, _ => new() { ["version"] = "1" }, "file"),
        new("GET", Document + "/files/{fileId:guid}", null, true),
        new("GET", Document + "/edit", null, true),
        new("POST", Document + "/edit", null, true, ids => new(DocumentForm(ids, "X-MATRIX-EDIT")) { ["Version"] = "1" }),
        new("GET", Inbox, null, false),
        new("POST", Inbox, null, false, FilePart: "files"),
        new("GET", InboxItem, null, true),
        new("POST", InboxItem, "fields", true, _ => new() { ["Fields.InvoiceNumber"] = "X-MATRIX-FIELDS", ["Fields.Total"] = "12.50" }),
        new("POST", InboxItem, "convert", true, ids => DocumentForm(ids, "X-MATRIX-CONVERT")),
        new("POST", InboxItem, "reject", true, _ => new() { ["reason"] = "matrix" }),
        new("GET", InboxItem + "/content", null, true),
        new("GET", Binders, null, false),
        new("POST", Binders, "create", false, _ => new() { ["name"] = "Matrix binder", ["description"] = "made by the matrix" }),
        new("POST", Binders, "rename", true, ids => new() { ["binderId"] = Id(ids.BinderId), ["name"] = "Renamed by the matrix" }),
        new("POST", Binders, "delete", true, ids => new() { ["binderId"] = Id(ids.BinderId) }),
        new("GET", Files, null, false),
        new("GET", Files, null, true, Query: ids => $"folder={Id(ids.FolderId)}"),
        new("GET", Files, "download", true, Query: ids => $"fileId={Id(ids.FolderFileId)}"),
        new("GET", Files, "preview", true, Query: ids => $"fileId={Id(ids.FolderFileId)}"),
        new("GET", Files, "zip", true, Query: ids => $"folderId={Id(ids.FolderId)}"),
        new("POST", Files, "upload", true, FilePart: "files", Query: ids => $"folder={Id(ids.FolderId)}"),
        new("POST", Files, "newfolder", true, _ => new() { ["name"] = "Matrix folder" }, Query: ids => $"folder={Id(ids.FolderId)}"),
        new("POST", Files, "rename", true, ids => new() { ["item"] = $"f:{Id(ids.FolderFileId)}:1", ["name"] = "renamed by the matrix.pdf" }),
        new("POST", Files, "selection", true, ids => new() { ["selected"] = $"f:{Id(ids.FolderFileId)}:2", ["action"] = "zip" }),
        new("GET", Files + "/attachments", null, false),
        new("GET", Files + "/trash", null, false),
        new("POST", Files + "/trash", "restore", true, ids => new() { ["itemId"] = Id(ids.TrashedFileId) }),
        new("POST", Files + "/trash", "empty", false),
        new("GET", People, null, false),
        new("POST", People, "add", false, _ => new() { ["email"] = "matrix-new@example.com", ["displayName"] = "Matrix Newcomer", ["role"] = "Member" }),
        new("POST", People, "role", true, ids => new() { ["personId"] = Id(ids.PersonId), ["role"] = "External" }),
        new("POST", People, "remove", true, ids => new() { ["personId"] = Id(ids.PersonId), ["confirmed"] = "true" }),
        new("POST", People, "renew", true, ids => new() { ["invitationId"] = Id(ids.InvitationId) }),
        new("POST", People, "revoke", true, ids => new() { ["invitationId"] = Id(ids.InvitationId) }),
        new("GET", ApiKeys, null, false),
        new("POST", ApiKeys, "create", false, _ => new() { ["name"] = "Matrix key", ["access"] = "ReadWrite" }),
        new("POST", ApiKeys, "revoke", true, ids => new() { ["keyId"] = Id(ids.KeyId) }),
        new("GET", "/c/{companyId:guid}/audit", null, false),
        new("GET", Connections, null, false),
        new("POST", Connections, "connect", false, _ => new() { ["name"] = "Matrix Dropbox", ["rootFolder"] = "/Matrix" }),
        new("POST", Connections, "pause", true, ids => new() { ["connectionId"] = Id(ids.ConnectionId) }),
        new("POST", Connections, "resume", true, ids => new() { ["connectionId"] = Id(ids.ConnectionId) }),
        new("POST", Connections, "disconnect", true, ids => new() { ["connectionId"] = Id(ids.ConnectionId) }),
        new("POST", Connections, "check", true, ids => new() { ["connectionId"] = Id(ids.ConnectionId) }),
        new("GET", Connection, null, true),
        new("GET", Connection, "preview", true),
        new("GET", Connection, "progress", true),
        new("GET", Connection, "csv", true),
        new("POST", Connection, "save", true, _ => ProfileForm("Matrix profile")),
        new("POST", Connection, "deleteprofile", true, ids => new() { ["profileId"] = Id(ids.ProfileId) }),
        new("POST", Connection, "retry", true),
        new("POST", Connection, "putback", true, ids => new() { ["profileId"] = Id(ids.ProfileId) }),
        new("POST", Connection, "check", true),
        new("POST", Connection, "share", true),
        new("GET", Collection, null, false),
        new("GET", Collection + "/new", null, false),
        new("GET", Collection + "/new", null, true, Query: ids => $"browse=%2F&Form.Name=Matrix&Form.ConnectionId={Id(ids.ConnectionId)}"),
        new("GET", Collection + "/new", null, true, Query: ids => $"pick=%2FMatrix&Form.Name=Matrix&Form.ConnectionId={Id(ids.ConnectionId)}"),
        new("POST", Collection + "/new", null, false, ids => ChannelForm(ids, "Matrix channel")),
        new("POST", Collection + "/new", "picker", true, ids => new(ChannelForm(ids, "Matrix channel")) { ["browse"] = "/" }),
        new("GET", Channel, null, true),
        new("GET", Channel, null, true, Query: ids => $"browse=%2F&Form.Name=Matrix&Form.ConnectionId={Id(ids.ConnectionId)}"),
        new("POST", Channel, null, true, ids => ChannelForm(ids, "Matrix channel renamed")),
        new("POST", Channel, "picker", true, ids => new(ChannelForm(ids, "Matrix channel")) { ["browse"] = "/" }),
        new("GET", Channel + "/run", null, true),
        new("POST", Channel + "/run", null, true),
        new("GET", Collection + "/history", null, false),
        new("GET", Collection + "/history", "csv", false),
        new("GET", Collection + "/history/{runId:guid}", null, true),
        new("POST", Channel, "delete", true), // after the channel's other handlers: it deletes the channel
        new("POST", Document, "delete", true, _ => new() { ["version"] = "1" }), // last: it may delete the document
    ];

    /// <summary>What identifies the handler: method, template and handler name.</summary>
    public string Key => Describe(Method, Template, Handler);

    /// <summary>Whether the route names a file (of a document) as well as its owner.</summary>
    public bool NamesFile => Template.Contains("{fileId", StringComparison.Ordinal);

    /// <summary>The identifying text of a handler.</summary>
    public static string Describe(string method, string template, string? handler) =>
        handler is null ? $"{method} {template}" : $"{method} {template}?handler={handler}";

    /// <summary>The URL under <paramref name="companyId"/> naming <paramref name="ids"/>' things.</summary>
    public string Url(Guid companyId, PageIds ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var path = RouteParameter().Replace(Template, m =>
            (m.Groups["name"].Value == "companyId" ? companyId : ids.Route(m.Groups["name"].Value)).ToString());
        string[] query = [.. new[] { Handler is null ? null : $"handler={Handler}", Query?.Invoke(ids) }.OfType<string>()];
        return query.Length == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    /// <summary>The form as multipart (every form of the UI accepts it), with <paramref name="token"/> and a PDF in <see cref="FilePart"/>.</summary>
    public MultipartFormDataContent Body(PageIds ids, string token)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in Form?.Invoke(ids) ?? [])
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new StringContent(token), UiClient.TokenField);
        if (FilePart is not null)
        {
            var file = new ByteArrayContent(RealFiles.Pdf("matrix"));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, FilePart, "matrix.pdf");
        }

        return content;
    }

    public override string ToString() => Key;

    private static Dictionary<string, string> DocumentForm(PageIds ids, string number) => new()
    {
        ["Input.Type"] = "Invoice",
        ["Input.Number"] = number,
        ["Input.IssueDate"] = "2026-02-01",
        ["Input.Currency"] = "EUR",
        ["Input.PartyName"] = "Matrix Party",
        ["Input.Status"] = "Draft",
        ["Input.BinderId"] = Id(ids.BinderId),
        ["Input.Lines[0].Description"] = "Matrix line",
        ["Input.Lines[0].Quantity"] = "1",
        ["Input.Lines[0].UnitPrice"] = "10",
        ["Input.Lines[0].VatRate"] = "21",
    };

    private static Dictionary<string, string> ProfileForm(string name) => new()
    {
        ["Form.Name"] = name,
        ["Form.Types"] = "Invoice",
        ["Form.PathTemplate"] = "{year}/{number}",
        ["Form.Language"] = "en",
        ["Form.IncludeUbl"] = "true",
        ["Form.Enabled"] = "true",
        ["Form.LogRetentionDays"] = "90",
    };

    private static Dictionary<string, string> ChannelForm(PageIds ids, string name) => new()
    {
        ["Form.Name"] = name,
        ["Form.ConnectionId"] = Id(ids.ConnectionId),
        ["Form.SourcePath"] = "/Matrix drop",
        ["Form.DestinationPersonId"] = Id(ids.PersonId),
        ["Form.BinderId"] = Id(ids.BinderId),
        ["Form.ScheduleKind"] = "daily",
        ["Form.Hour"] = "6",
        ["Form.NearRealTime"] = "false",
        ["Form.AfterCollect"] = "Leave",
        ["Form.Enabled"] = "true",
    };

    private static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
