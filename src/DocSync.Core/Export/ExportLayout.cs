using DocSync.Core.Documents;
using DocSync.Core.Export.Paths;

namespace DocSync.Core.Export;

/// <summary>Where a document's files land: the one place the executor and the preview share.</summary>
public static class ExportLayout
{
    /// <summary>The document's path without extension: connection root, profile folder, then the rendered layout.</summary>
    /// <param name="template">The layout.</param>
    /// <param name="root">The connection's root folder.</param>
    /// <param name="folder">The profile's folder.</param>
    /// <param name="language">The profile's language (for <c>{type}</c>).</param>
    /// <param name="companyName">The company's name (for <c>{company}</c>).</param>
    /// <param name="document">The document's latest summary.</param>
    public static string BasePath(ExportPathTemplate template, string root, string folder, string language, string companyName, Document document)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(document);
        var purchase = document.Type.IsPurchase();
        var stem = template.Render(new ExportPathValues
        {
            Company = companyName,
            Type = document.Type,
            TypeLabel = ExportFolderNames.Of(document.Type, language),
            Number = document.Number,
            IssueDate = document.IssueDate,
            Counterparty = purchase ? document.SellerName : document.BuyerName,
            Seller = document.SellerName,
            Buyer = document.BuyerName,
            Status = document.Status,
        });
        return Join(root, folder, stem);
    }

    /// <summary>The PDF's path.</summary>
    /// <param name="basePath">The document's base path.</param>
    public static string Pdf(string basePath) => basePath + ".pdf";

    /// <summary>The UBL's path.</summary>
    /// <param name="basePath">The document's base path.</param>
    public static string Ubl(string basePath) => basePath + ".xml";

    /// <summary>An attachment's path: next to the PDF, named after it.</summary>
    /// <param name="basePath">The document's base path.</param>
    /// <param name="fileName">The attachment's file name.</param>
    public static string Attachment(string basePath, string fileName) => $"{basePath} - {DropboxNames.SanitizeSegment(fileName)}";

    /// <summary>Joins folders into one absolute Dropbox path (no empty segments).</summary>
    /// <param name="parts">Folders, each with or without slashes.</param>
    public static string Join(params string[] parts) =>
        "/" + string.Join('/', parts.SelectMany(p => (p ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries)));
}
