using DocSync.Dropbox.Emulator.Faults;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Tests.Infrastructure;

namespace DocSync.Dropbox.Tests;

public sealed class DropboxClientBatchUploadTests : EmulatorTest
{
    [Fact]
    public async Task UploadBatchAsync_PackingOff_OneStartEachAndGroupedCommits()
    {
        var client = NewClient(WorldSeeder.AliceEmail, o => (o.BatchCommitSize, o.BatchCommitIdle, o.BatchPackThreshold) = (10, TimeSpan.FromSeconds(5), 0));
        var contents = Enumerable.Range(0, 25).Select(i => RandomBytes(i * 37, i)).ToList();

        var results = await client.UploadBatchAsync(contents.Select((c, i) => BatchUploadItem.FromBytes($"/batch/{i:D2}.bin", c)).ToList());

        results.Count.ShouldBe(25);
        for (var i = 0; i < 25; i++)
        {
            results[i].Path.ShouldBe($"/batch/{i:D2}.bin");
            results[i].Metadata!.ContentHash.ShouldBe(ContentHasher.Compute(contents[i]));
        }
        Requests["/2/files/upload_session/start"].ShouldBe(25);
        Requests["/2/files/upload_session/append_v2"].ShouldBe(0);
        Requests["/2/files/upload_session/finish_batch_v2"].ShouldBe(3);
        Requests["/2/files/upload"].ShouldBe(0);
    }

    [Fact]
    public async Task UploadBatchAsync_SmallFiles_PackedIntoOneStartBatchAndOneAppendBatch()
    {
        var client = NewClient(WorldSeeder.AliceEmail, o => (o.BatchCommitSize, o.BatchCommitIdle) = (10, TimeSpan.FromSeconds(5)));
        var contents = Enumerable.Range(0, 25).Select(i => RandomBytes(i * 37, i)).ToList();

        var results = await client.UploadBatchAsync(contents.Select((c, i) => BatchUploadItem.FromBytes($"/packed/{i:D2}.bin", c)).ToList());

        for (var i = 0; i < 25; i++)
        {
            results[i].Metadata!.ContentHash.ShouldBe(ContentHasher.Compute(contents[i]));
            ServerFile(WorldSeeder.AliceEmail, $"/packed/{i:D2}.bin")!.Value.ContentHash.ShouldBe(ContentHasher.Compute(contents[i]));
        }
        Requests["/2/files/upload_session/start_batch"].ShouldBe(1);
        Requests["/2/files/upload_session/append_batch"].ShouldBe(1);
        Requests["/2/files/upload_session/start"].ShouldBe(0);
        Requests["/2/files/upload_session/finish_batch_v2"].ShouldBe(3);
    }

    [Fact]
    public async Task UploadBatchAsync_PackLargerThanChunk_SplitsIntoSeveralAppendBatches()
    {
        var client = NewClient(WorldSeeder.AliceEmail, o => (o.UploadChunkSize, o.SingleUploadThreshold, o.BatchPackThreshold) = (1000, 100, 1000));
        var contents = Enumerable.Range(0, 9).Select(i => RandomBytes(300, 40 + i)).ToList();

        var results = await client.UploadBatchAsync(contents.Select((c, i) => BatchUploadItem.FromBytes($"/split/{i}.bin", c)).ToList());

        results.All(r => r.Metadata is not null).ShouldBeTrue();
        Requests["/2/files/upload_session/append_batch"].ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task UploadSessionAppendBatchAsync_WrongOffset_ReportsThatEntryOnly()
    {
        var sessions = await Alice.UploadSessionStartBatchAsync(2);

        var results = await Alice.UploadSessionAppendBatchAsync(
        [
            new AppendBatchEntry(sessions[0], 0, "first"u8.ToArray(), Close: true),
            new AppendBatchEntry(sessions[1], 7, "second"u8.ToArray(), Close: true),
        ]);

        results[0].Succeeded.ShouldBeTrue();
        results[1].Succeeded.ShouldBeFalse();
        results[1].ErrorTag.ShouldBe("incorrect_offset");
        results[1].CorrectOffset.ShouldBe(0);
    }

    [Fact]
    public async Task UploadBatchAsync_AppendBatchAnswerLost_EveryFileExactlyOnce()
    {
        Faults(31, new FaultRule(FaultKind.DropAfterApply, "files/upload_session/append_batch", Count: 1));
        var contents = Enumerable.Range(0, 12).Select(i => RandomBytes(100 + i, 60 + i)).ToList();

        var results = await Alice.UploadBatchAsync(contents.Select((c, i) => BatchUploadItem.FromBytes($"/lost/{i:D2}.bin", c)).ToList());

        results.All(r => r.Metadata is not null).ShouldBeTrue(string.Join(", ", results.Select(r => r.ErrorTag)));
        ServerCount(WorldSeeder.AliceEmail, "/lost").ShouldBe(12);
        Requests["/2/files/upload_session/append_batch"].ShouldBe(2);
    }

    [Fact]
    public async Task UploadBatchAsync_FileLargerThanChunk_AppendsAndClosesOnLastAppend()
    {
        var client = NewClient(WorldSeeder.AliceEmail, o => (o.UploadChunkSize, o.SingleUploadThreshold) = (1000, 100));
        var big = RandomBytes(3500, 1);
        var exact = RandomBytes(2000, 2);

        var results = await client.UploadBatchAsync([BatchUploadItem.FromBytes("/b/big.bin", big), BatchUploadItem.FromBytes("/b/exact.bin", exact)]);

        results[0].Metadata!.ContentHash.ShouldBe(ContentHasher.Compute(big));
        results[1].Metadata!.ContentHash.ShouldBe(ContentHasher.Compute(exact));
        Requests["/2/files/upload_session/finish_batch_v2"].ShouldBe(1);
    }

    [Fact]
    public async Task UploadBatchAsync_OneConflicts_OthersCommitted()
    {
        await Alice.UploadAsync("/mix/taken.txt", "old"u8.ToArray());

        var results = await Alice.UploadBatchAsync(
        [
            BatchUploadItem.FromBytes("/mix/a.txt", "a"u8.ToArray()),
            BatchUploadItem.FromBytes("/mix/taken.txt", "new"u8.ToArray()),
            BatchUploadItem.FromBytes("/mix/b.txt", "b"u8.ToArray()),
        ]);

        results.Select(r => r.IsSuccess).ShouldBe([true, false, true]);
        results[1].ErrorTag.ShouldBe("path/conflict/file");
    }

    [Fact]
    public async Task UploadBatchAsync_UnreadableSource_ThatItemFails()
    {
        var results = await Alice.UploadBatchAsync(
        [
            new BatchUploadItem("/bad/broken.bin", () => throw new IOException("disk gone")),
            BatchUploadItem.FromBytes("/bad/ok.bin", "ok"u8.ToArray()),
        ]);

        results[0].IsSuccess.ShouldBeFalse();
        results[0].Error.ShouldBeOfType<IOException>();
        results[1].IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task UploadBatchAsync_UpdateModes_PerItemCommitOptions()
    {
        var v1 = await Alice.UploadAsync("/modes/u.txt", "1"u8.ToArray());

        var results = await Alice.UploadBatchAsync(
        [
            BatchUploadItem.FromBytes("/modes/u.txt", "2"u8.ToArray(), new CommitOptions { Mode = WriteMode.Update(v1.Rev) }),
        ]);

        results[0].Metadata!.Rev.ShouldNotBe(v1.Rev);
    }

    [Fact]
    public async Task UploadBatchAsync_TooManyWriteOperationsOnCommit_RetriedAndCommitted()
    {
        Faults(31, new DocSync.Dropbox.Emulator.Faults.FaultRule(DocSync.Dropbox.Emulator.Faults.FaultKind.TooManyWriteOperations, "files/upload_session/finish_batch_v2", Count: 1, RetryAfterSeconds: 0));

        var results = await Alice.UploadBatchAsync([BatchUploadItem.FromBytes("/twro/a.txt", "a"u8.ToArray())]);

        results.Single().IsSuccess.ShouldBeTrue();
        Requests["/2/files/upload_session/finish_batch_v2"].ShouldBe(2);
    }
}
