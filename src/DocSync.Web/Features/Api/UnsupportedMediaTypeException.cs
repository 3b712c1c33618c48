namespace DocSync.Web.Features.Api;

/// <summary>The request body has a media type the endpoint does not read (415).</summary>
internal sealed class UnsupportedMediaTypeException(string message = "Send the document as application/json, or as multipart/form-data with a 'document' part.")
    : Exception(message);
