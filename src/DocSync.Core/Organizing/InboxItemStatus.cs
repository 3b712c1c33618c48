namespace DocSync.Core.Organizing;

/// <summary>Where an inbox item stands.</summary>
public enum InboxItemStatus
{
    /// <summary>Waiting to be processed.</summary>
    Pending = 1,

    /// <summary>Turned into a document.</summary>
    Processed = 2,

    /// <summary>Rejected by a person (not a document, duplicate…).</summary>
    Rejected = 3,
}
