using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DocSync.Core.Tests.Documents;

/// <summary>Fails a save after the database has executed the batch holding the outbox insert, inside the transaction.</summary>
public sealed class FailAfterOutboxInsert : DbCommandInterceptor
{
    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default) =>
        command.CommandText.Contains("INSERT INTO \"OutboxMessages\"", StringComparison.Ordinal)
            ? throw new InvalidOperationException("Simulated failure after the outbox row was written.")
            : ValueTask.FromResult(result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default) =>
        command.CommandText.Contains("INSERT INTO \"OutboxMessages\"", StringComparison.Ordinal)
            ? throw new InvalidOperationException("Simulated failure after the outbox row was written.")
            : ValueTask.FromResult(result);
}
