using Microsoft.Extensions.Logging;

namespace DocSync.Core.Connections;

/// <summary>Log messages of connections (event ids 2801–2809). Never a token.</summary>
internal static partial class ConnectionsLog
{
    [LoggerMessage(EventId = 2801, Level = LogLevel.Information, Message = "Dropbox connection {ConnectionId} of company {CompanyId} linked to account {AccountId}")]
    public static partial void Linked(ILogger logger, Guid connectionId, Guid companyId, string accountId);

    [LoggerMessage(EventId = 2802, Level = LogLevel.Warning, Message = "Dropbox connection {ConnectionId} of company {CompanyId} needs re-linking: {Reason}")]
    public static partial void NeedsRelink(ILogger logger, Guid connectionId, Guid companyId, string reason);

    [LoggerMessage(EventId = 2803, Level = LogLevel.Information, Message = "Dropbox connection {ConnectionId} of company {CompanyId} disconnected")]
    public static partial void Disconnected(ILogger logger, Guid connectionId, Guid companyId);
}
