namespace DocSync.Core.Organizing;

/// <summary>How an item reached the inbox.</summary>
public enum InboxSource
{
    /// <summary>Uploaded by a person in the web UI.</summary>
    Upload = 1,

    /// <summary>Sent by a host application over the API.</summary>
    Api = 2,

    /// <summary>Collected from a Dropbox collection channel.</summary>
    Collect = 3,
}
