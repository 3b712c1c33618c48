using System.Text;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DocSync.Dropbox.Tests;

public sealed class DropboxClientUploadTests(ITestOutputHelper output) : EmulatorTest
{
    private const int Chunk = 256 * 1024;

    /// <summary>A client with small chunks so multi-chunk sessions stay fast.</summary>
    private DropboxClient SmallChunks() => NewClient(WorldSeeder.AliceEmail, o =>
    {
        o.UploadChunkSize = Chunk;
        o.SingleUploadThreshold = 64 * 1024;
    });

    /// <summary>A stream that cannot seek, as a network or pipe source.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data, writable: false)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64 * 1024)]
    public async Task UploadAsync_UpToThreshold_OneUploadCall(int size)
    {
        var client = SmallChunks();
        var data = RandomBytes(size, size);

        var file = await client.UploadAsync("/small.bin", new MemoryStream(data));

        file.Size.ShouldBe(size);
        file.ContentHash.ShouldBe(ContentHasher.Compute(data));
        Requests["/2/files/upload"].ShouldBe(1);
        Requests["/2/files/upload_session/start"].ShouldBe(0);
    }

    [Theory]
    [InlineData(64 * 1024 + 1, false)]
    [InlineData(Chunk, false)]
    [InlineData(Chunk + 1, true)]
    [InlineData(3 * Chunk, true)]
    [InlineData(3 * Chunk + 17, false)]
    public async Task UploadAsync_AboveThreshold_SessionWithExactContent(int size, bool forwardOnly)
    {
        var seed = 1000 + size;
        output.WriteLine($"seed {seed}");
        var data = RandomBytes(size, seed);
        Stream source = forwardOnly ? new ForwardOnlyStream(data) : new MemoryStream(data);

        var file = await SmallChunks().UploadAsync("/big.bin", source);

        file.Size.ShouldBe(size);
        file.ContentHash.ShouldBe(ContentHasher.Compute(data));
        ServerFile(WorldSeeder.AliceEmail, "/big.bin")!.Value.ContentHash.ShouldBe(ContentHasher.Compute(data));
        Requests["/2/files/upload_session/start"].ShouldBe(1);
        Requests["/2/files/upload_session/finish"].ShouldBe(1);
        Requests["/2/files/upload"].ShouldBe(0);
    }

    [Fact]
    public async Task UploadAsync_ExistingDifferentFileAddMode_ConflictFile()
    {
        await Alice.UploadAsync("/a.txt", "one"u8.ToArray());

        var error = await Should.ThrowAsync<DropboxApiException>(() => Alice.UploadAsync("/a.txt", "two"u8.ToArray()));

        error.ErrorTag.ShouldBe("path/conflict/file");
    }

    [Fact]
    public async Task UploadAsync_UpdateWithStaleRev_ConflictAndContentKept()
    {
        var v1 = await Alice.UploadAsync("/u.txt", "one"u8.ToArray());
        await Alice.UploadAsync("/u.txt", "two"u8.ToArray(), new CommitOptions { Mode = WriteMode.Update(v1.Rev) });

        var error = await Should.ThrowAsync<DropboxApiException>(() =>
            Alice.UploadAsync("/u.txt", "three"u8.ToArray(), new CommitOptions { Mode = WriteMode.Update(v1.Rev) }));

        error.ErrorTag.ShouldBe("path/conflict/file");
        ServerFile(WorldSeeder.AliceEmail, "/u.txt")!.Value.ContentHash.ShouldBe(ContentHasher.Compute("two"u8));
    }

    [Fact]
    public async Task UploadAsync_Autorename_KeepsBoth()
    {
        await Alice.UploadAsync("/k.txt", "one"u8.ToArray());

        var second = await Alice.UploadAsync("/k.txt", "two"u8.ToArray(), new CommitOptions { Autorename = true });

        second.Name.ShouldNotBe("k.txt");
    }

    [Fact]
    public async Task UploadAsync_ClientModified_RoundTrips()
    {
        var when = new DateTimeOffset(2021, 5, 6, 7, 8, 9, TimeSpan.Zero);

        var file = await Alice.UploadAsync("/cm.txt", "x"u8.ToArray(), new CommitOptions { ClientModified = when, Mute = true });

        file.ClientModified.ShouldBe(when);
    }

    [Fact]
    public async Task UploadAsync_QuotaFull_InsufficientSpace()
    {
        await AdminAsync("quota", new System.Text.Json.Nodes.JsonObject { ["account"] = WorldSeeder.AliceEmail, ["fill"] = true });

        var error = await Should.ThrowAsync<DropboxApiException>(() => Alice.UploadAsync("/q.bin", new byte[10]));

        error.ContainsTag(DropboxErrorTags.InsufficientSpace).ShouldBeTrue(error.ErrorTag);
        error.IsTransient.ShouldBeFalse();
    }

    [Theory]
    [InlineData("/Factures/Été 2024/reçu.pdf")]
    [InlineData("/emoji/😀 facture 🧾.pdf")]
    [InlineData("/rtl/חשבונית-שלום.pdf")]
    [InlineData("/rtl/فاتورة.pdf")]
    [InlineData("/日本語/請求書.pdf")]
    public async Task UploadAsync_NonAsciiName_RoundTripsThroughListingAndDownload(string path)
    {
        var data = Encoding.UTF8.GetBytes("content of " + path);

        var file = await Alice.UploadAsync(path, data);

        file.PathDisplay.ShouldBe(path);
        var folder = path[..path.LastIndexOf('/')];
        var listed = new List<Metadata>();
        await foreach (var entry in Alice.ListFolderAllAsync(folder))
        {
            listed.Add(entry);
        }
        listed.Single().Name.ShouldBe(path[(path.LastIndexOf('/') + 1)..]);
        using var back = new MemoryStream();
        var metadata = await Alice.DownloadAsync(path, back);
        metadata.PathDisplay.ShouldBe(path);
        back.ToArray().ShouldBe(data);
    }

    [Fact]
    public async Task UploadAsync_NfdAndNfcNames_BothRoundTripThroughDownload()
    {
        var nfc = "/n/caf\u00e9.txt";
        var nfd = "/n/cafe\u0301.txt";

        var first = await Alice.UploadAsync(nfc, "nfc"u8.ToArray());
        var second = await Alice.UploadAsync(nfd, "nfd"u8.ToArray(), new CommitOptions { Mode = WriteMode.Overwrite });

        first.PathDisplay.ShouldBe(nfc);
        // Dropbox normalises names to NFC; either way, what we read back by the returned path is what we wrote.
        using var back = new MemoryStream();
        await Alice.DownloadAsync(second.PathLower!, back);
        back.ToArray().ShouldBe("nfd"u8.ToArray());
        second.PathDisplay!.Normalize(NormalizationForm.FormC).ShouldBe(nfc);
    }

    [Fact]
    public async Task UploadBytesAsync_RouteDirect_CarriesContentHash()
    {
        var file = await Alice.UploadBytesAsync("/direct.bin", RandomBytes(1000, 3));

        file.ContentHash.ShouldBe(ContentHasher.Compute(RandomBytes(1000, 3)));
    }

    [Fact]
    public async Task UploadSessionAppendAsync_WrongOffset_RecoveredFromCorrectOffset()
    {
        var data = RandomBytes(300, 5);
        var session = await Alice.UploadSessionStartAsync(data.AsMemory(0, 100));
        await Alice.UploadSessionAppendAsync(session, 100, data.AsMemory(100, 100));

        // The caller believes offset 50 and holds bytes 50..300: the client resends from the server's 200.
        var length = await Alice.UploadSessionAppendAsync(session, 50, data.AsMemory(50, 250));
        var file = await Alice.UploadSessionFinishAsync(session, length, ReadOnlyMemory<byte>.Empty, "/offset.bin");

        length.ShouldBe(300);
        file.ContentHash.ShouldBe(ContentHasher.Compute(data));
    }

    [Fact]
    public async Task UploadSessionAppendAsync_OffsetBeyondHeldBytes_Throws()
    {
        var session = await Alice.UploadSessionStartAsync(new byte[10]);

        var error = await Should.ThrowAsync<DropboxApiException>(() => Alice.UploadSessionAppendAsync(session, 50, new byte[10]));

        error.ErrorTag.ShouldBe(DropboxErrorTags.IncorrectOffset);
    }

    [Fact]
    public async Task UploadSessionAppendAsync_UnknownSession_NotFound()
    {
        var error = await Should.ThrowAsync<DropboxApiException>(() => Alice.UploadSessionAppendAsync("pid_upload_session:nope", 0, new byte[1]));

        error.ErrorTag.ShouldBe(DropboxErrorTags.NotFound);
    }

    [Fact]
    public async Task UploadSessionFinishAsync_ClosedSessionPlusBytes_Closed()
    {
        var session = await Alice.UploadSessionStartAsync(new byte[10], close: true);

        var error = await Should.ThrowAsync<DropboxApiException>(() => Alice.UploadSessionFinishAsync(session, 10, new byte[5], "/x.bin"));

        error.ErrorTag.ShouldBe("lookup_failed/closed");
    }

    [Fact]
    public async Task UploadSessionStartBatchAsync_Three_ThreeUsableSessions()
    {
        var ids = await Alice.UploadSessionStartBatchAsync(3);

        ids.Count.ShouldBe(3);
        ids.Distinct().Count().ShouldBe(3);
        await Alice.UploadSessionAppendAsync(ids[1], 0, "abc"u8.ToArray(), close: true);
        var results = await Alice.UploadSessionFinishBatchAsync([new UploadSessionCommit(ids[1], 3, "/sb.txt")]);
        results.Single().Metadata.ShouldBeOfType<FileMetadata>().Size.ShouldBe(3);
    }

    [Fact]
    public async Task UploadSessionFinishBatchAsync_UnclosedSession_NotClosedFailure()
    {
        var open = await Alice.UploadSessionStartAsync("x"u8.ToArray());
        var closed = await Alice.UploadSessionStartAsync("y"u8.ToArray(), close: true);

        var results = await Alice.UploadSessionFinishBatchAsync([new UploadSessionCommit(open, 1, "/o.txt"), new UploadSessionCommit(closed, 1, "/c.txt")]);

        results[0].ErrorTag.ShouldBe("lookup_failed/not_closed");
        results[1].Metadata!.PathDisplay.ShouldBe("/c.txt");
    }

    [Fact]
    public async Task UploadSessionFinishBatchV1Async_ThenCheck_Complete()
    {
        var closed = await Alice.UploadSessionStartAsync("v1"u8.ToArray(), close: true);

        var launched = await Alice.UploadSessionFinishBatchV1Async([new UploadSessionCommit(closed, 2, "/v1.txt")]);
        launched.Status.ShouldBe("async_job_id");
        var done = await Alice.CheckUploadSessionFinishBatchAsync(launched.AsyncJobId!);

        done.IsComplete.ShouldBeTrue();
        done.Entries.Single().Metadata!.Name.ShouldBe("v1.txt");
    }

    [Fact]
    public async Task CheckUploadSessionFinishBatchAsync_UnknownJob_InvalidAsyncJobId()
    {
        (await Should.ThrowAsync<DropboxApiException>(() => Alice.CheckUploadSessionFinishBatchAsync("dbjid:x"))).ErrorTag
            .ShouldBe(DropboxErrorTags.InvalidAsyncJobId);
    }
}
