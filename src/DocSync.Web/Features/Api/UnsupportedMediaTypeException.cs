namespace DocSync.Web.Features.Api;

/// <summary>The request body is neither JSON nor multipart/form-data.</summary>
internal sealed class UnsupportedMediaTypeException() : Exception("Send the document as application/json, or as multipart/form-data with a 'document' part.");
