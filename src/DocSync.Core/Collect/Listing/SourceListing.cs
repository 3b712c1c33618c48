using DocSync.Dropbox;

namespace DocSync.Core.Collect.Listing;

/// <summary>What a listing gave.</summary>
/// <param name="Files">The files under the source folder (not in <c>Processed/</c>); <see langword="null"/> when the folder vanished mid-listing (the channel is paused).</param>
/// <param name="Cursor">The cursor to keep once they are all decided.</param>
/// <param name="CursorReset">Dropbox reset the cursor: the whole folder was listed.</param>
internal sealed record SourceFiles(List<FileMetadata>? Files, string? Cursor, bool CursorReset = false);

/// <summary>
/// A channel's source folder in Dropbox: checks it is still the folder chosen (a renamed, moved,
/// deleted or replaced folder pauses the channel, never reads as empty), and lists what is new —
/// everything on a scheduled or manual run, the changes since the cursor on a real-time run.
/// </summary>
internal static class SourceListing
{
    /// <summary>The source folder as Dropbox has it now, or <see langword="null"/> (the channel paused with why) when it is gone or moved.</summary>
    public static async Task<FolderMetadata?> CheckAsync(CollectRunContext run, CancellationToken cancellationToken)
    {
        var channel = run.Channel;
        var found = await run.Client.TryGetMetadataAsync(channel.SourceFolderId ?? channel.SourcePath, cancellationToken).ConfigureAwait(false);
        if (found is null && channel.SourceFolderId is not null)
        {
            found = await run.Client.TryGetMetadataAsync(channel.SourcePath, cancellationToken).ConfigureAwait(false);
            if (found is not null)
            {
                Pause(channel, "source-replaced",
                    $"The source folder {channel.SourcePath} was deleted and a new folder made at the same place. Confirm it in the channel's settings; nothing was read.");
                return null;
            }
        }
        switch (found)
        {
            case null:
                Pause(channel, "source-missing",
                    $"The source folder {channel.SourcePath} no longer exists in Dropbox (deleted, or the connection lost access to it). Nothing was read; choose the folder again.");
                return null;
            case not FolderMetadata:
                Pause(channel, "source-not-folder", $"{channel.SourcePath} is a file, not a folder. Choose a folder.");
                return null;
            case FolderMetadata folder when channel.LastRunAt is null && !SamePath(folder, channel.SourcePath):
                // Before any run the path the person chose is the truth; an id picked for another path is dropped.
                channel.SourceFolderId = null;
                return await CheckAsync(run, cancellationToken).ConfigureAwait(false);
            case FolderMetadata folder when !SamePath(folder, channel.SourcePath):
                Pause(channel, "source-moved",
                    $"The source folder was renamed or moved from {channel.SourcePath} to {folder.PathDisplay}. Confirm the new place in the channel's settings; nothing was read.");
                return null;
            case FolderMetadata folder:
                if (channel.Problem is not null)
                {
                    channel.Problem = null;
                    channel.ProblemCode = null;
                }
                channel.SourceFolderId ??= folder.Id;
                return folder;
        }
    }

    /// <summary>The files to look at and the cursor to keep.</summary>
    public static async Task<SourceFiles> ListAsync(CollectRunContext run, FolderMetadata source, CancellationToken cancellationToken)
    {
        var channel = run.Channel;
        var reset = false;
        if (run.Run.Trigger is CollectTrigger.RealTime or CollectTrigger.Recheck && channel.Cursor is { } cursor)
        {
            var changes = await run.Client.ListChangesAsync(cursor, cancellationToken).ConfigureAwait(false);
            if (!changes.IsReset)
            {
                return new([.. changes.Entries.OfType<FileMetadata>().Where(f => Inside(source, f))], changes.Cursor);
            }
            reset = true;
        }

        var files = new List<FileMetadata>();
        string? last = null;
        try
        {
            await foreach (var page in run.Client.ListFolderPagesAsync(source.PathLower ?? channel.SourcePath, new ListFolderOptions { Recursive = true }, cancellationToken)
                               .ConfigureAwait(false))
            {
                files.AddRange(page.Entries.OfType<FileMetadata>().Where(f => Inside(source, f)));
                last = page.Cursor;
            }
        }
        catch (DropboxApiException e) when (e.StatusCode == 409 && e.HasTag("path/" + DropboxErrorTags.NotFound))
        {
            Pause(channel, "source-missing",
                $"The source folder {channel.SourcePath} disappeared while it was being read. Nothing more was read; choose the folder again.");
            return new(null, null, reset);
        }
        return new(files, last, reset);
    }

    /// <summary>Under the source folder and not in its <c>Processed</c> folder.</summary>
    public static bool Inside(FolderMetadata source, FileMetadata file)
    {
        var root = (source.PathLower ?? "").TrimEnd('/') + "/";
        var path = file.PathLower ?? "";
        return path.StartsWith(root, StringComparison.Ordinal)
               && !path.StartsWith(root + CollectRunner.ProcessedFolder.ToLowerInvariant() + "/", StringComparison.Ordinal);
    }

    private static bool SamePath(FolderMetadata folder, string path) =>
        string.Equals(folder.PathLower, path.ToLowerInvariant(), StringComparison.Ordinal) || string.Equals(folder.PathDisplay, path, StringComparison.OrdinalIgnoreCase);

    private static void Pause(CollectionChannel channel, string code, string problem)
    {
        channel.ProblemCode = code;
        channel.Problem = problem;
    }
}
