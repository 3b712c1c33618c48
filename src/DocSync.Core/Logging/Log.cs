using DocSync.Core.Documents;
using Microsoft.Extensions.Logging;

namespace DocSync.Core.Logging;

/// <summary>DocSync.Core's log messages, with stable event ids. Never secrets, never document contents.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Stored blob {Sha256} ({Length} bytes)")]
    public static partial void BlobStored(ILogger logger, string sha256, long length);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Blob {Sha256} ({Length} bytes) was stored already")]
    public static partial void BlobDeduplicated(ILogger logger, string sha256, long length);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Created {Type} {DocumentId} in company {CompanyId}")]
    public static partial void DocumentCreated(ILogger logger, DocumentType type, Guid documentId, Guid companyId);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Document {DocumentId} got version {Version} in company {CompanyId}")]
    public static partial void DocumentUpdated(ILogger logger, Guid documentId, int version, Guid companyId);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Replayed create of document {DocumentId} for a repeated idempotency key in company {CompanyId}")]
    public static partial void IdempotentReplay(ILogger logger, Guid documentId, Guid companyId);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Created API key {KeyId} ({Prefix}) in company {CompanyId}")]
    public static partial void ApiKeyCreated(ILogger logger, Guid keyId, string prefix, Guid companyId);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Revoked API key {KeyId} in company {CompanyId}")]
    public static partial void ApiKeyRevoked(ILogger logger, Guid keyId, Guid companyId);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Refused an API key with prefix {Prefix}: {Reason}")]
    public static partial void ApiKeyRefused(ILogger logger, string prefix, string reason);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Created company {CompanyId} with owner {PersonId}")]
    public static partial void CompanyCreated(ILogger logger, Guid companyId, Guid personId);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Seeded demo company {CompanyId} with {Count} documents")]
    public static partial void DemoSeeded(ILogger logger, Guid companyId, int count);
}
