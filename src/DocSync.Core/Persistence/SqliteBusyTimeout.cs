using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DocSync.Core.Persistence;

/// <summary>
/// Lets SQLite itself wait for a busy database (up to 30 s, in steps of a few milliseconds) on every
/// connection. Without it, Microsoft.Data.Sqlite retries a busy write in blocking 150 ms sleeps, which
/// under many concurrent writers turns into long, stepped latencies.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
