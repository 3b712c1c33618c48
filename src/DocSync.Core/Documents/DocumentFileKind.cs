namespace DocSync.Core.Documents;

/// <summary>The role a file plays for its document.</summary>
public enum DocumentFileKind
{
    /// <summary>The document rendered as PDF; at most one per version.</summary>
    Pdf = 1,

    /// <summary>The UBL (Peppol BIS) XML of an invoice or credit note; at most one per version.</summary>
    Ubl = 2,

    /// <summary>Any other file attached to the document.</summary>
    Attachment = 3,
}
