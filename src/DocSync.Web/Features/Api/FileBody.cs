using DocSync.Core.Documents;

namespace DocSync.Web.Features.Api;

/// <summary>A file sent inline in a JSON body.</summary>
/// <param name="Kind">pdf, ubl or attachment.</param>
/// <param name="FileName">Its name, without folders.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="ContentBase64">Its bytes, base64.</param>
public sealed record FileBody(DocumentFileKind Kind, string FileName, string ContentType, string ContentBase64);
