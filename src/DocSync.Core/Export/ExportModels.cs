using DocSync.Core.Documents;

namespace DocSync.Core.Export;

/// <summary>The settings of an export profile, as a person or the API gives them.</summary>
public sealed record ExportProfileInput
{
    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>The document types exported (at least one).</summary>
    public required IReadOnlyCollection<DocumentType> DocumentTypes { get; init; }

    /// <summary>The folder layout template.</summary>
    public required string PathTemplate { get; init; }

    /// <summary>The folder under the connection's root; empty for the root.</summary>
    public string Folder { get; init; } = "";

    /// <summary><c>en</c>, <c>nl</c> or <c>fr</c>.</summary>
    public string Language { get; init; } = "en";

    /// <summary>Whether the UBL goes along.</summary>
    public bool IncludeUbl { get; init; } = true;

    /// <summary>Whether attachments go along.</summary>
    public bool IncludeAttachments { get; init; } = true;

    /// <summary>Whether deletes in DocSync delete in Dropbox.</summary>
    public bool DeleteInDropbox { get; init; }

    /// <summary>Whether it exports.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Days the sync log keeps its lines (1 to 3650).</summary>
    public int LogRetentionDays { get; init; } = 90;

    /// <summary>The settings of an existing profile.</summary>
    /// <param name="profile">The profile.</param>
    public static ExportProfileInput Of(ExportProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new ExportProfileInput
        {
            Name = profile.Name,
            DocumentTypes = Enum.GetValues<DocumentType>().Where(profile.Exports).ToList(),
            PathTemplate = profile.PathTemplate,
            Folder = profile.Folder,
            Language = profile.Language,
            IncludeUbl = profile.IncludeUbl,
            IncludeAttachments = profile.IncludeAttachments,
            DeleteInDropbox = profile.DeleteInDropbox,
            Enabled = profile.Enabled,
            LogRetentionDays = profile.LogRetentionDays,
        };
    }
}

/// <summary>A profile with its progress, for the connection page.</summary>
/// <param name="Profile">The profile.</param>
/// <param name="Backfill">The first copy's progress, when one was asked for.</param>
/// <param name="Exported">Documents with at least one file in Dropbox.</param>
/// <param name="Missing">Files found deleted in Dropbox and held for a person to put back.</param>
public sealed record ExportProfileView(ExportProfile Profile, BackfillProgress? Backfill, int Exported, int Missing = 0);

/// <summary>How far the copy of existing documents got.</summary>
/// <param name="Total">Documents it covers.</param>
/// <param name="Done">Documents done.</param>
/// <param name="PerMinute">Documents per minute over the last minute.</param>
/// <param name="Eta">Time left at that rate, when it can be told.</param>
/// <param name="CompletedAt">When it finished.</param>
public sealed record BackfillProgress(int Total, int Done, double PerMinute, TimeSpan? Eta, DateTimeOffset? CompletedAt)
{
    /// <summary>Percent done, 0–100.</summary>
    public int Percent => Total == 0 ? 100 : (int)Math.Floor(100.0 * Done / Total);
}

/// <summary>The state of a connection's export: what the connection page shows.</summary>
/// <param name="Queued">Tasks waiting (due now or later), dead ones excluded.</param>
/// <param name="Dead">Tasks in the dead-letter list.</param>
/// <param name="LastSuccessAt">When a file last reached Dropbox.</param>
/// <param name="LastRunAt">When the loop last ran.</param>
/// <param name="Problem">What holds the whole connection back, if anything.</param>
/// <param name="ProblemAt">Since when.</param>
/// <param name="NextAttemptAt">When the earliest waiting task falls due.</param>
public sealed record ExportStatus(int Queued, int Dead, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastRunAt, string? Problem, DateTimeOffset? ProblemAt,
    DateTimeOffset? NextAttemptAt);

/// <summary>One task of the dead-letter list (or of the queue).</summary>
/// <param name="Id">The task.</param>
/// <param name="ProfileName">Its profile.</param>
/// <param name="DocumentId">The document.</param>
/// <param name="DocumentNumber">Its number (null when deleted).</param>
/// <param name="Attempts">Failed attempts.</param>
/// <param name="ErrorCode">The last failure's code.</param>
/// <param name="Error">The last failure, for people.</param>
/// <param name="At">When it gave up (or falls due next).</param>
public sealed record SyncTaskView(long Id, string ProfileName, Guid DocumentId, string? DocumentNumber, int Attempts, string? ErrorCode, string? Error, DateTimeOffset At);

/// <summary>One sync-log line with its document's number.</summary>
/// <param name="Entry">The line.</param>
/// <param name="ProfileName">Its profile.</param>
/// <param name="DocumentNumber">The document's number, if any.</param>
public sealed record SyncLogView(SyncLogEntry Entry, string ProfileName, string? DocumentNumber);

/// <summary>Where one document would land under a layout.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Number">Its number.</param>
/// <param name="Type">Its type.</param>
/// <param name="Paths">Its files' paths.</param>
/// <param name="Problem">Why it could not be exported there, if so (an illegal path, a collision).</param>
public sealed record ExportPreviewRow(Guid DocumentId, string Number, DocumentType Type, IReadOnlyList<string> Paths, string? Problem);
