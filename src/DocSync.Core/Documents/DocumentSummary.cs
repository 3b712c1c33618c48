namespace DocSync.Core.Documents;

/// <summary>A document in a list.</summary>
/// <param name="Id">The document's id.</param>
/// <param name="Version">Its latest version.</param>
/// <param name="Type">Its type.</param>
/// <param name="Number">Its number.</param>
/// <param name="Status">Its status.</param>
/// <param name="IssueDate">Its issue date.</param>
/// <param name="DueDate">Its due date.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="TotalInclVat">Its total including VAT.</param>
/// <param name="SellerName">The seller.</param>
/// <param name="BuyerName">The buyer.</param>
/// <param name="BinderId">Its binder.</param>
/// <param name="UpdatedAt">When its latest version was made.</param>
public sealed record DocumentSummary(
    Guid Id,
    int Version,
    DocumentType Type,
    string Number,
    DocumentStatus Status,
    DateOnly IssueDate,
    DateOnly? DueDate,
    string Currency,
    decimal TotalInclVat,
    string SellerName,
    string? BuyerName,
    Guid? BinderId,
    DateTimeOffset UpdatedAt);
