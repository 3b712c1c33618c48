namespace DocSync.Web.Bench;

/// <summary>A document the server answered 201 for, with the SHA-256 of the PDF that was sent.</summary>
internal sealed record CreatedDocument(Guid Id, string Number, string PdfSha256);
