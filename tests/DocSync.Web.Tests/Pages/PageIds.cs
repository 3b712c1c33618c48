namespace DocSync.Web.Tests.Pages;

/// <summary>
/// The ids a company page can name, in its route (company, document, file, inbox item) or its form
/// (binder, API key, person, invitation, Dropbox connection, export profile), collection channels and runs.
/// </summary>
public sealed record PageIds(Guid CompanyId, Guid DocumentId, Guid FileId, Guid ItemId, Guid BinderId, Guid KeyId, Guid PersonId, Guid ConnectionId,
    Guid ProfileId = default, Guid ChannelId = default, Guid RunId = default, Guid InvitationId = default, Guid NoticeId = default,
    Guid FolderId = default, Guid FolderFileId = default, Guid TrashedFileId = default)
{
    /// <summary>The value of route parameter <paramref name="name"/>.</summary>
    public Guid Route(string name) => name switch
    {
        "companyId" => CompanyId,
        "documentId" => DocumentId,
        "fileId" => FileId,
        "itemId" => ItemId,
        "connectionId" => ConnectionId,
        "channelId" => ChannelId,
        "runId" => RunId,
        _ => throw new InvalidOperationException($"The page matrix has no value for route parameter {{{name}}}: add it to {nameof(PageIds)}."),
    };
}
