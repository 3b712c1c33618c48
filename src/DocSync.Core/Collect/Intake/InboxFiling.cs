using DocSync.Core.Errors;
using DocSync.Core.Organizing;

namespace DocSync.Core.Collect.Intake;

/// <summary>What filing a prepared file gave: the first item and how many, with a note.</summary>
/// <param name="FirstItemId">The first inbox item.</param>
/// <param name="Items">How many items (a zip: one per file inside).</param>
/// <param name="Detail">A note for the history and the ledger.</param>
internal sealed record Filed(Guid? FirstItemId, int Items, string? Detail);

/// <summary>
/// The second half of a file's intake: files a <see cref="PreparedFile"/>'s parts in the inbox, one
/// file at a time on the run's database context. Exactly once: the inbox answers a second receipt of the
/// same source identity (account, file id, content hash, place in a zip) with the first item.
/// </summary>
internal sealed class InboxFiling(InboxService inbox)
{
    /// <summary>Files <paramref name="prepared"/>'s parts for <paramref name="channel"/>.</summary>
    /// <exception cref="DestinationGoneException">The channel's binder or person no longer exists (the channel is paused with why).</exception>
    /// <exception cref="IOException">Storing failed (a disk).</exception>
    public async Task<Filed> FileAsync(CollectionChannel channel, PreparedFile prepared, CancellationToken cancellationToken)
    {
        Guid? first = null;
        string? note = null;
        foreach (var part in prepared.Parts)
        {
            InboxReceipt receipt;
            var content = part.Open();
            await using (content.ConfigureAwait(false))
            {
                receipt = await ReceiveAsync(channel, part, content, cancellationToken).ConfigureAwait(false);
            }
            first ??= receipt.Item.Id;
            note = receipt.Replayed ? Join("It was already in the inbox (an earlier run was interrupted after filing it).", part.Note) : part.Note;
        }
        return new Filed(first, prepared.Parts.Count, prepared.FromZip ? prepared.Detail : note);
    }

    private async Task<InboxReceipt> ReceiveAsync(CollectionChannel channel, PreparedPart part, Stream content, CancellationToken cancellationToken)
    {
        try
        {
            return await inbox.ReceiveAsync(InboxSource.Collect, part.SourceRef, part.Name, part.ContentType, content, channel.BinderId, channel.DestinationPersonId,
                part.Reading, cancellationToken).ConfigureAwait(false);
        }
        catch (ValidationFailedException e) when (e.Errors.Any(error => error.Field is "binderId" or "assigneeId"))
        {
            channel.ProblemCode = "destination-gone";
            channel.Problem = "The channel's destination binder or person no longer exists in this company. Edit the channel; nothing is lost, the files wait in Dropbox.";
            throw new DestinationGoneException();
        }
    }

    internal static string? Join(string? a, string? b) => a is null ? b : b is null ? a : a + " " + b;
}

/// <summary>The channel's destination is gone: the run stops, the channel is paused.</summary>
internal sealed class DestinationGoneException : Exception;
