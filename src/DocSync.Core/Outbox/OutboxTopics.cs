namespace DocSync.Core.Outbox;

/// <summary>The topics of <see cref="OutboxMessage"/>.</summary>
public static class OutboxTopics
{
    /// <summary>A document got a new version (its first one included).</summary>
    public const string DocumentVersionCreated = "document.version-created";

    /// <summary>A document was deleted.</summary>
    public const string DocumentDeleted = "document.deleted";
}
