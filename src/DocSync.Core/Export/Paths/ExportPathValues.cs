using DocSync.Core.Documents;

namespace DocSync.Core.Export.Paths;

/// <summary>
/// What a folder layout (<see cref="ExportPathTemplate"/>) can use, for one document. Values are
/// taken as they are; <see cref="ExportPathTemplate.Render"/> makes them safe for Dropbox.
/// </summary>
public sealed record ExportPathValues
{
    /// <summary>The company's name: <c>{company}</c>.</summary>
    public required string Company { get; init; }

    /// <summary>The document type; decides whom <c>{counterparty}</c> falls back to.</summary>
    public required DocumentType Type { get; init; }

    /// <summary>The type's folder name, already in the profile's language ("Invoices", "Facturen"): <c>{type}</c>.</summary>
    public required string TypeLabel { get; init; }

    /// <summary>The document number: <c>{number}</c>.</summary>
    public required string Number { get; init; }

    /// <summary>The issue date: <c>{year}</c>, <c>{month}</c>, <c>{quarter}</c> and <c>{date}</c>.</summary>
    public required DateOnly IssueDate { get; init; }

    /// <summary>
    /// The other party: the buyer for sales documents, the seller for purchase invoices and receipts:
    /// <c>{counterparty}</c>. When <see langword="null"/> or blank, <see cref="ExportPathTemplate"/>
    /// uses <see cref="Seller"/> for purchase invoices and receipts and <see cref="Buyer"/> otherwise.
    /// </summary>
    public string? Counterparty { get; init; }

    /// <summary>The seller's name: <c>{seller}</c>.</summary>
    public required string Seller { get; init; }

    /// <summary>The buyer's name, if known: <c>{buyer}</c>.</summary>
    public string? Buyer { get; init; }

    /// <summary>The document's status; <c>{status}</c> shows <see cref="StatusLabel"/>, or this in English.</summary>
    public required DocumentStatus Status { get; init; }

    /// <summary>
    /// The status in the profile's language ("Betaald", "Payée"), used by <c>{status}</c>; when
    /// <see langword="null"/>, the English name of <see cref="Status"/> ("Paid").
    /// </summary>
    public string? StatusLabel { get; init; }
}
