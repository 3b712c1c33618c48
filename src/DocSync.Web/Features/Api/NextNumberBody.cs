using DocSync.Core.Documents;

namespace DocSync.Web.Features.Api;

/// <summary>The number suggested for a new document.</summary>
/// <param name="Type">The document type asked about.</param>
/// <param name="Number">The next free number of that type and year.</param>
public sealed record NextNumberBody(DocumentType Type, string Number);
