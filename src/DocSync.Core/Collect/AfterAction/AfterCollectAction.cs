using System.Globalization;
using DocSync.Core.Sync;
using DocSync.Dropbox;

namespace DocSync.Core.Collect.AfterAction;

/// <summary>
/// What happens to a source file once collected, as the channel says: it stays, moves to
/// <c>Processed/</c> under the source folder (its name prefixed with the moment), or is deleted —
/// only the revision collected: a file changed since stays to be seen again.
/// </summary>
internal static class AfterCollectAction
{
    /// <summary>
    /// Does the channel's after-action to <paramref name="row"/>'s revision and marks it done (also
    /// when there is nothing left to do to that revision); returns a note when it was not done as asked.
    /// A Dropbox failure leaves it undone (the next run tries again).
    /// </summary>
    /// <param name="client">The channel's connection.</param>
    /// <param name="action">The channel's setting.</param>
    /// <param name="source">The source folder.</param>
    /// <param name="file">The file as listed.</param>
    /// <param name="row">Its ledger row (the revision collected); its path follows a move.</param>
    /// <param name="now">The moment, for the name in <c>Processed/</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="DropboxAuthException">Dropbox refused the connection's grant.</exception>
    public static async Task<string?> DoAsync(DropboxClient client, AfterCollect action, FolderMetadata source, FileMetadata file, CollectedFile row,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            switch (action)
            {
                case AfterCollect.MoveToProcessed:
                    if (await client.TryGetMetadataAsync(file.Id, cancellationToken).ConfigureAwait(false) is not FileMetadata current || current.Rev != row.Rev)
                    {
                        row.AfterActionDone = true;
                        return "It changed or went away after it was collected, so it was not moved.";
                    }
                    var stamp = now.ToString("yyyy-MM-dd HHmmss", CultureInfo.InvariantCulture);
                    var moved = await client.MoveAsync(current.PathLower ?? file.PathLower!, $"{source.PathDisplay}/{CollectRunner.ProcessedFolder}/{stamp} {file.Name}",
                        autorename: true, cancellationToken).ConfigureAwait(false);
                    row.Path = moved.PathDisplay ?? row.Path;
                    break;
                case AfterCollect.Delete:
                    await client.DeleteAsync(file.PathLower!, parentRev: row.Rev, cancellationToken).ConfigureAwait(false);
                    break;
            }
            row.AfterActionDone = true;
            return null;
        }
        catch (DropboxAuthException)
        {
            throw;
        }
        catch (DropboxApiException e) when (e.StatusCode == 409)
        {
            // The file changed (delete with a stale parent rev) or went: nothing to do to this revision any more.
            row.AfterActionDone = true;
            return $"It changed or went away after it was collected ({e.ErrorTag}), so it was left as it is.";
        }
        catch (Exception e) when (FailureClassifier.IsDropboxFailure(e, cancellationToken))
        {
            return $"Collected; {(action == AfterCollect.Delete ? "deleting" : "moving")} it failed ({FailureClassifier.Describe(e)}) and is tried again on the next run.";
        }
    }
}
