using Microsoft.Extensions.Logging;

namespace DocSync.Export.Bench;

/// <summary>Writes warnings and errors (the engine's failed rounds, failed exports) to stderr, so a run that went wrong shows why.</summary>
internal sealed class ErrorLoggerProvider : ILoggerProvider
{
    private int _written;

    /// <summary>Warnings and errors written so far.</summary>
    public int Written => Volatile.Read(ref _written);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ErrorLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            Interlocked.Increment(ref provider._written);
            Console.Error.WriteLine($"[{logLevel}] {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
        }
    }
}
