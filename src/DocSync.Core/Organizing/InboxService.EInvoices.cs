using DocSync.Core.Companies;
using DocSync.Core.Reading.EInvoices;

namespace DocSync.Core.Organizing;

public sealed partial class InboxService
{
    /// <summary>
    /// The e-invoice an item's file is or carries (UBL or CII XML, or a PDF with one attached), read exactly, with
    /// the rules it breaks; <see langword="null"/> for any other file. Needs <see cref="Right.ViewDocuments"/>.
    /// </summary>
    /// <param name="itemId">The item.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<EInvoice?> ReadEInvoiceAsync(Guid itemId, CancellationToken cancellationToken = default)
    {
        var item = await GetAsync(itemId, cancellationToken).ConfigureAwait(false);
        await using var content = blobs.OpenRead(item.Sha256);
        return EInvoiceReader.TryRead(content);
    }
}
