using DocSync.Core.Sync;
using DocSync.Dropbox;

namespace DocSync.Core.Collect;

/// <summary>One run under way: the channel (tracked), the run's row, the connection's client and the lease that holds the channel.</summary>
internal sealed class CollectRunContext(CollectionChannel channel, CollectionRun run, string accountId, DropboxClient client, LoopLease lease)
{
    public LoopLease Lease { get; } = lease;

    public CollectionChannel Channel { get; } = channel;

    public CollectionRun Run { get; } = run;

    /// <summary>The Dropbox account: part of a file's identity in the inbox.</summary>
    public string AccountId { get; } = accountId;

    public DropboxClient Client { get; } = client;

    /// <summary>The source folder as the run started with it.</summary>
    public string SourcePath { get; } = channel.SourcePath;
}
