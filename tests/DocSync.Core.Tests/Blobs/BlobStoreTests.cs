using System.Security.Cryptography;
using DocSync.Core.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Tests.Blobs;

public sealed class BlobStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("docsync-blobs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task WriteAsync_Content_StoresUnderItsSha256AndReadsBack()
    {
        var store = Store();
        var bytes = RandomNumberGenerator.GetBytes(200_000);

        var blob = await store.WriteAsync(new MemoryStream(bytes));

        blob.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        blob.Length.ShouldBe(bytes.Length);
        store.PathOf(blob.Sha256).ShouldEndWith(Path.Combine(blob.Sha256[..2], blob.Sha256[2..4], blob.Sha256));
        await using var read = store.OpenRead(blob.Sha256);
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        copy.ToArray().ShouldBe(bytes);
    }

    [Fact]
    public async Task WriteAsync_SameContentTwice_StoresOneFileAndLeavesNoTemporaryFile()
    {
        var store = Store();
        var bytes = RandomNumberGenerator.GetBytes(1000);

        var first = await store.WriteAsync(new MemoryStream(bytes));
        var second = await store.WriteAsync(new MemoryStream(bytes));

        second.ShouldBe(first);
        BlobFiles().ShouldHaveSingleItem();
        TempFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task WriteAsync_ConcurrentWritersOfSameContent_AllSucceedWithOneFile()
    {
        var store = Store();
        var bytes = RandomNumberGenerator.GetBytes(300_000);

        var blobs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.WriteAsync(new MemoryStream(bytes)))));

        blobs.Select(b => b.Sha256).Distinct().ShouldHaveSingleItem();
        BlobFiles().ShouldHaveSingleItem();
        TempFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task WriteAsync_OverLimit_ThrowsAndLeavesNothing()
    {
        var store = Store(maxBytes: 1000);

        await Should.ThrowAsync<BlobTooLargeException>(() => store.WriteAsync(new MemoryStream(new byte[1001])));

        BlobFiles().ShouldBeEmpty();
        TempFiles().ShouldBeEmpty();
        (await store.WriteAsync(new MemoryStream(new byte[1000]))).Length.ShouldBe(1000);
    }

    [Fact]
    public async Task WriteAsync_SourceFailsMidway_LeavesNothing()
    {
        var store = Store();

        await Should.ThrowAsync<IOException>(() => store.WriteAsync(new FailingStream(100_000)));

        BlobFiles().ShouldBeEmpty();
        TempFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task WriteAsync_WhileStillWriting_FinalPathDoesNotExist()
    {
        var store = Store();
        var bytes = RandomNumberGenerator.GetBytes(500_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var source = new PausingStream(bytes, pauseAt: 250_000);

        var write = store.WriteAsync(source);
        await source.Paused.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Half the bytes are on disk, under a temporary name only.
        File.Exists(store.PathOf(sha)).ShouldBeFalse();
        TempFiles().ShouldHaveSingleItem();
        source.Resume.SetResult();
        (await write).Sha256.ShouldBe(sha);
        new FileInfo(store.PathOf(sha)).Length.ShouldBe(bytes.Length);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("")]
    public void PathOf_NotALowerCaseSha256_Throws(string address) =>
        Should.Throw<ArgumentException>(() => Store().PathOf(address));

    private BlobStore Store(long maxBytes = 10_000_000) =>
        new(Options.Create(new BlobStoreOptions { RootPath = _root, MaxBlobBytes = maxBytes }), NullLogger<BlobStore>.Instance);

    private string[] BlobFiles() =>
        Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(Path.Combine(_root, "tmp"), StringComparison.Ordinal)).ToArray();

    private string[] TempFiles() => Directory.GetFiles(Path.Combine(_root, "tmp"));

    private sealed class FailingStream(int failAfter) : Stream
    {
        private int _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= failAfter)
            {
                throw new IOException("The connection was reset.");
            }

            var n = Math.Min(count, failAfter - _read);
            _read += n;
            return n;
        }

        public override void Flush() => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class PausingStream(byte[] bytes, int pauseAt) : Stream
    {
        private int _position;

        public TaskCompletionSource Paused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Resume { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => bytes.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position == pauseAt)
            {
                Paused.TrySetResult();
                await Resume.Task.WaitAsync(cancellationToken);
            }

            var limit = _position < pauseAt ? pauseAt : bytes.Length;
            var n = Math.Min(buffer.Length, limit - _position);
            bytes.AsMemory(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush() => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
