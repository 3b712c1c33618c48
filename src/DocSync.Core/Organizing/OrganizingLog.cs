using Microsoft.Extensions.Logging;

namespace DocSync.Core.Organizing;

/// <summary>Log messages of the inbox, folders and binders, with stable event ids. Never file contents.</summary>
internal static partial class OrganizingLog
{
    [LoggerMessage(EventId = 2601, Level = LogLevel.Information, Message = "Received inbox item {ItemId} from {Source} in company {CompanyId}")]
    public static partial void InboxItemReceived(ILogger logger, Guid itemId, InboxSource source, Guid companyId);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Information, Message = "Inbox item {ItemId} from {Source} was received already in company {CompanyId}")]
    public static partial void InboxItemReplayed(ILogger logger, Guid itemId, InboxSource source, Guid companyId);

    [LoggerMessage(EventId = 2603, Level = LogLevel.Information, Message = "Converted inbox item {ItemId} into document {DocumentId} in company {CompanyId}")]
    public static partial void InboxItemConverted(ILogger logger, Guid itemId, Guid documentId, Guid companyId);

    [LoggerMessage(EventId = 2604, Level = LogLevel.Information, Message = "Rejected inbox item {ItemId} in company {CompanyId}")]
    public static partial void InboxItemRejected(ILogger logger, Guid itemId, Guid companyId);

    [LoggerMessage(EventId = 2611, Level = LogLevel.Information, Message = "Deleted binder {BinderId} in company {CompanyId}")]
    public static partial void BinderDeleted(ILogger logger, Guid binderId, Guid companyId);

    [LoggerMessage(EventId = 2621, Level = LogLevel.Information, Message = "Deleted folder {FolderId} in company {CompanyId}")]
    public static partial void FolderDeleted(ILogger logger, Guid folderId, Guid companyId);

    [LoggerMessage(EventId = 2622, Level = LogLevel.Information, Message = "Deleted folder file {FileId} in company {CompanyId}")]
    public static partial void FolderFileDeleted(ILogger logger, Guid fileId, Guid companyId);
}
