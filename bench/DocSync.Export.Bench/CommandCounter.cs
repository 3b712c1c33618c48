using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DocSync.Export.Bench;

/// <summary>
/// Counts the database commands EF Core sends (one per round trip; a batched SaveChanges is one),
/// and, while <see cref="Recording"/>, which statements they were.
/// </summary>
internal sealed class CommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, int> _statements = new(StringComparer.Ordinal);
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Time with at least one command under way (a query until its reader is disposed).</summary>
    public BusyClock Clock { get; } = new();

    /// <summary>Whether to keep each statement's text (its first line or so), for the idle phase's breakdown.</summary>
    public bool Recording { get; set; }

    /// <summary>The statements seen while recording, most frequent first; clears them.</summary>
    public IReadOnlyList<(string Statement, int Count)> TakeStatements()
    {
        var taken = _statements.OrderByDescending(s => s.Value).Select(s => (s.Key, s.Value)).ToList();
        _statements.Clear();
        return taken;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Seen(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Seen(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Seen(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Clock.Exit();
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Clock.Exit();
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Clock.Exit();
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Clock.Exit();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Clock.Exit();
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Clock.Exit();

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Clock.Exit();
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Clock.Exit();

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Clock.Exit();
        return Task.CompletedTask;
    }

    private void Seen(DbCommand command)
    {
        Clock.Enter();
        Interlocked.Increment(ref _count);
        if (Recording)
        {
            var text = string.Join(' ', command.CommandText.Split(['\r', '\n', ' '], StringSplitOptions.RemoveEmptyEntries));
            _statements.AddOrUpdate(text.Length > 160 ? text[..160] + "…" : text, 1, (_, n) => n + 1);
        }
    }
}
