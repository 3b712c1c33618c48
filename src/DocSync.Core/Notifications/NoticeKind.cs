using DocSync.Core.Companies;

namespace DocSync.Core.Notifications;

/// <summary>What a notice is about (Mirror's conflicts and held deletions join when Mirror lands).</summary>
public enum NoticeKind
{
    /// <summary>Dropbox refused a connection's grant: it must be linked again.</summary>
    ConnectionNeedsRelink = 1,

    /// <summary>Export tasks of a connection gave up (new dead letters).</summary>
    DeadLetters = 2,

    /// <summary>A connection's Dropbox is at least 90 % full.</summary>
    DropboxNearlyFull = 3,

    /// <summary>DocSync paused a collection channel.</summary>
    ChannelPaused = 4,

    /// <summary>A backup failed.</summary>
    BackupFailed = 5,
}

/// <summary>Who may act on each kind of notice (only they are told), and where they act.</summary>
public static class NoticeKinds
{
    /// <summary>The right a person needs to see and act on <paramref name="kind"/>.</summary>
    /// <param name="kind">The kind.</param>
    public static Right RightFor(NoticeKind kind) => kind switch
    {
        NoticeKind.ChannelPaused => Right.ConfigureCollection,
        NoticeKind.BackupFailed => Right.ManageCompany,
        _ => Right.ManageDropboxConnections,
    };

    /// <summary>The page of the web UI (relative to the site) that fixes a notice.</summary>
    /// <param name="companyId">Its company.</param>
    /// <param name="kind">Its kind.</param>
    /// <param name="subjectId">The connection or channel it is about.</param>
    public static string FixPath(Guid companyId, NoticeKind kind, Guid subjectId) => kind switch
    {
        NoticeKind.ConnectionNeedsRelink => $"/c/{companyId}/connections",
        NoticeKind.DeadLetters or NoticeKind.DropboxNearlyFull => $"/c/{companyId}/connections/{subjectId}",
        NoticeKind.ChannelPaused => $"/c/{companyId}/collection/{subjectId}",
        _ => $"/c/{companyId}/overview",
    };
}
