namespace DocSync.Web.Tests.Api;

/// <summary>The ids an <see cref="ApiRoute"/> template is filled with.</summary>
public sealed record SampleIds(Guid DocumentId, Guid FileId, Guid InboxItemId, int Version = 1, Guid FolderId = default, Guid FolderFileId = default, Guid TrashedId = default)
{
    /// <summary>Ids of nothing.</summary>
    public static SampleIds Random() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
}
