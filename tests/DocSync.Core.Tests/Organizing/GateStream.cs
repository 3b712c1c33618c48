namespace DocSync.Core.Tests.Organizing;

/// <summary>
/// A readable stream of fixed bytes that awaits <paramref name="beforeFirstRead"/> on its first
/// read: racing callers can be held until every one of them got that far.
/// </summary>
public sealed class GateStream(byte[] bytes, Func<Task> beforeFirstRead) : MemoryStream(bytes, writable: false)
{
    private int _opened;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _opened, 1) == 0)
        {
            await beforeFirstRead();
        }

        return await base.ReadAsync(buffer, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
