using DocSync.Dropbox.Emulator.Faults;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DocSync.Dropbox.Tests;

/// <summary>Faults injected by seed through the emulator: rate limits, 5xx, dropped connections, lost answers.</summary>
public sealed class DropboxClientFaultTests(ITestOutputHelper output) : EmulatorTest
{
    private readonly AutoAdvancingTimeProvider _time = new();

    private DropboxClient Timed(Action<DropboxClientOptions>? configure = null) => NewClient(WorldSeeder.AliceEmail, configure, _time);

    [Theory]
    [InlineData(FaultKind.TooManyRequests, 7)]
    [InlineData(FaultKind.TooManyWriteOperations, 3)]
    public async Task Call_RateLimitedWithBody_WaitsExactlyRetryAfter(string kind, int seconds)
    {
        Faults(11, new FaultRule(kind, "users/get_current_account", Count: 2, RetryAfterSeconds: seconds));

        var account = await Timed().GetCurrentAccountAsync();

        account.Email.ShouldBe(WorldSeeder.AliceEmail);
        _time.Delays.ShouldBe([TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(seconds)]);
        Emulator.Faults.Log.Count.ShouldBe(2);
        Requests["/2/users/get_current_account"].ShouldBe(3);
    }

    [Fact]
    public async Task Call_PlainText429_WaitsHeaderRetryAfter()
    {
        Faults(12, new FaultRule(FaultKind.PlainTooManyRequests, "files/list_folder", Count: 1, RetryAfterSeconds: 4));

        await Timed().ListFolderAsync("");

        _time.Delays.ShouldBe([TimeSpan.FromSeconds(4)]);
    }

    [Fact]
    public async Task Call_503WithRetryAfter_WaitsHeaderValue()
    {
        Faults(13, new FaultRule(FaultKind.ServiceUnavailable, "files/list_folder", Count: 1, RetryAfterSeconds: 9));

        await Timed().ListFolderAsync("");

        _time.Delays.ShouldBe([TimeSpan.FromSeconds(9)]);
    }

    [Theory]
    [InlineData(FaultKind.ServiceUnavailable)]
    [InlineData(FaultKind.EdgeBadGateway)]
    [InlineData(FaultKind.EdgeServiceUnavailable)]
    [InlineData(FaultKind.EdgeGatewayTimeout)]
    public async Task Call_5xxWithoutRetryAfter_RetriesAfterItsOwnBackoff(string kind)
    {
        Faults(23, new FaultRule(kind, "files/list_folder", Count: 1));

        await Timed(o => (o.RetryBaseDelay, o.RetryMaxDelay) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60))).ListFolderAsync("");

        _time.Delays.Count.ShouldBe(1);
        _time.Delays.Single().ShouldBeInRange(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
        Requests["/2/files/list_folder"].ShouldBe(2);
    }

    [Fact]
    public async Task Call_Two500s_RetriesWithGrowingJitteredBackoff()
    {
        Faults(14, new FaultRule(FaultKind.InternalServerError, "files/list_folder", Count: 2));

        await Timed(o => (o.RetryBaseDelay, o.RetryMaxDelay) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60))).ListFolderAsync("");

        var delays = _time.Delays.ToArray();
        delays.Length.ShouldBe(2);
        delays[0].ShouldBeInRange(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
        delays[1].ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Requests["/2/files/list_folder"].ShouldBe(3);
    }

    [Fact]
    public async Task Call_500Forever_ThrowsTransientAfterMaxAttempts()
    {
        Faults(15, new FaultRule(FaultKind.InternalServerError, "files/list_folder"));

        var error = await Should.ThrowAsync<DropboxApiException>(() => Timed(o => o.MaxAttempts = 4).ListFolderAsync(""));

        error.StatusCode.ShouldBe(500);
        error.IsTransient.ShouldBeTrue();
        Requests["/2/files/list_folder"].ShouldBe(4);
    }

    [Fact]
    public async Task UploadAsync_ConnectionResetOnUpload_ServerEndsWithExactBytes()
    {
        var data = RandomBytes(50_000, 21);
        Faults(16, new FaultRule(FaultKind.Reset, "files/upload", Count: 2));

        var file = await Alice.UploadAsync("/reset.bin", data);

        file.ContentHash.ShouldBe(ContentHasher.Compute(data));
        ServerFile(WorldSeeder.AliceEmail, "/reset.bin")!.Value.Size.ShouldBe(data.Length);
        Requests["/2/files/upload"].ShouldBe(3);
    }

    [Fact]
    public async Task UploadAsync_ConnectionResetMidSession_ServerEndsWithExactBytes()
    {
        var data = RandomBytes(5 * 100_000 + 123, 22);
        Faults(17,
            new FaultRule(FaultKind.Reset, "files/upload_session/append_v2", Count: 2),
            new FaultRule(FaultKind.Reset, "files/upload_session/finish", Count: 1),
            new FaultRule(FaultKind.Reset, "files/upload_session/start", Count: 1));
        var client = NewClient(WorldSeeder.AliceEmail, o => (o.UploadChunkSize, o.SingleUploadThreshold) = (100_000, 1000));

        var file = await client.UploadAsync("/reset-session.bin", new MemoryStream(data));

        file.Size.ShouldBe(data.Length);
        ServerFile(WorldSeeder.AliceEmail, "/reset-session.bin")!.Value.ContentHash.ShouldBe(ContentHasher.Compute(data));
        Emulator.Faults.Log.Count.ShouldBe(4);
    }

    [Fact]
    public async Task UploadAsync_AnswerLostAfterAddApplied_OneFileNoDuplicate()
    {
        var data = RandomBytes(2000, 23);
        Faults(18, new FaultRule(FaultKind.DropAfterApply, "files/upload", Count: 1));

        var file = await Alice.UploadAsync("/lost/add.bin", data);

        file.ContentHash.ShouldBe(ContentHasher.Compute(data));
        ServerCount(WorldSeeder.AliceEmail, "/lost").ShouldBe(1);
        (await Alice.ListRevisionsAsync("/lost/add.bin")).Entries.Count.ShouldBe(1);
    }

    [Fact]
    public async Task UploadAsync_AnswerLostAfterUpdateApplied_OneNewRevision()
    {
        var v1 = await Alice.UploadAsync("/lost/u.txt", "one"u8.ToArray());
        Faults(19, new FaultRule(FaultKind.DropAfterApply, "files/upload", Count: 1));

        var v2 = await Alice.UploadAsync("/lost/u.txt", "two"u8.ToArray(), new CommitOptions { Mode = WriteMode.Update(v1.Rev) });

        v2.Rev.ShouldNotBe(v1.Rev);
        (await Alice.ListRevisionsAsync("/lost/u.txt")).Entries.Count.ShouldBe(2);
        ServerCount(WorldSeeder.AliceEmail, "/lost").ShouldBe(1);
    }

    [Fact]
    public async Task UploadAsync_AnswerLostAfterStrictConflictApplied_ConfirmsOwnWrite()
    {
        var v1 = await Alice.UploadAsync("/lost/s.txt", "one"u8.ToArray());
        Faults(20, new FaultRule(FaultKind.DropAfterApply, "files/upload", Count: 1));

        var v2 = await Alice.UploadAsync("/lost/s.txt", "two"u8.ToArray(), new CommitOptions { Mode = WriteMode.Update(v1.Rev), StrictConflict = true });

        v2.ContentHash.ShouldBe(ContentHasher.Compute("two"u8));
        (await Alice.ListRevisionsAsync("/lost/s.txt")).Entries.Count.ShouldBe(2);
        ServerCount(WorldSeeder.AliceEmail, "/lost").ShouldBe(1);
    }

    [Fact]
    public async Task UploadAsync_StrictConflictWithoutRetry_StillAConflict()
    {
        var v1 = await Alice.UploadAsync("/s.txt", "one"u8.ToArray());
        await Alice.UploadAsync("/s.txt", "two"u8.ToArray(), new CommitOptions { Mode = WriteMode.Overwrite });

        // Someone else wrote the same bytes we now send: without a lost answer this is a real conflict.
        var error = await Should.ThrowAsync<DropboxApiException>(() =>
            Alice.UploadAsync("/s.txt", "two"u8.ToArray(), new CommitOptions { Mode = WriteMode.Update(v1.Rev), StrictConflict = true }));

        error.ErrorTag.ShouldBe("path/conflict/file");
    }

    [Fact]
    public async Task UploadAsync_AnswersLostOnAppendAndFinish_ExactContentOnce()
    {
        var data = RandomBytes(4 * 50_000 + 7, 24);
        Faults(21,
            new FaultRule(FaultKind.DropAfterApply, "files/upload_session/append_v2", Count: 1),
            new FaultRule(FaultKind.DropAfterApply, "files/upload_session/finish", Count: 1));
        var client = NewClient(WorldSeeder.AliceEmail, o => (o.UploadChunkSize, o.SingleUploadThreshold) = (50_000, 1000));

        var file = await client.UploadAsync("/lost/session.bin", new MemoryStream(data));

        file.ContentHash.ShouldBe(ContentHasher.Compute(data));
        ServerFile(WorldSeeder.AliceEmail, "/lost/session.bin")!.Value.Size.ShouldBe(data.Length);
        ServerCount(WorldSeeder.AliceEmail, "/lost").ShouldBe(1);
    }

    [Fact]
    public async Task UploadBatchAsync_AnswerLostAfterFinishBatchApplied_EveryEntryConfirmedOnce()
    {
        var items = Enumerable.Range(0, 12).Select(i => BatchUploadItem.FromBytes($"/lostbatch/{i}.txt", RandomBytes(100 + i, i))).ToList();
        Faults(22, new FaultRule(FaultKind.DropAfterApply, "files/upload_session/finish_batch_v2", Count: 1));

        var results = await Alice.UploadBatchAsync(items);

        results.ShouldAllBe(r => r.IsSuccess);
        ServerCount(WorldSeeder.AliceEmail, "/lostbatch").ShouldBe(12);
    }

    [Fact]
    public async Task UploadBatchAsync_SeededRandomFaults_AllFilesExact()
    {
        var seed = Environment.GetEnvironmentVariable("DOCSYNC_FAULT_SEED") is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 424242;
        output.WriteLine($"fault seed {seed} (set DOCSYNC_FAULT_SEED to replay)");
        Faults(seed,
            new FaultRule(FaultKind.Reset, "files/*", Probability: 0.1),
            new FaultRule(FaultKind.InternalServerError, "files/*", Probability: 0.1),
            new FaultRule(FaultKind.DropAfterApply, "files/*", Probability: 0.1),
            new FaultRule(FaultKind.TooManyWriteOperations, "files/upload_session/finish_batch_v2", Probability: 0.2));
        var client = NewClient(WorldSeeder.AliceEmail, o =>
        {
            o.MaxAttempts = 12;
            o.BatchUploadParallelism = 1;
            o.UploadChunkSize = 40_000;
            o.SingleUploadThreshold = 1000;
        }, _time);
        var contents = Enumerable.Range(0, 20).Select(i => RandomBytes(i * 9_000, seed + i)).ToList();

        var results = await client.UploadBatchAsync(contents.Select((c, i) => BatchUploadItem.FromBytes($"/chaos/{i}.bin", c)).ToList());
        var big = RandomBytes(170_000, seed);
        var single = await client.UploadAsync("/chaos/single.bin", new MemoryStream(big));

        output.WriteLine($"faults injected: {Emulator.Faults.Log.Count}");
        Emulator.Faults.Log.Count.ShouldBeGreaterThan(0);
        results.Where(r => !r.IsSuccess).Select(r => $"{r.Path}: {r.ErrorTag}").ShouldBeEmpty();
        for (var i = 0; i < contents.Count; i++)
        {
            ServerFile(WorldSeeder.AliceEmail, $"/chaos/{i}.bin")!.Value.ContentHash.ShouldBe(ContentHasher.Compute(contents[i]));
        }
        single.ContentHash.ShouldBe(ContentHasher.Compute(big));
        ServerCount(WorldSeeder.AliceEmail, "/chaos").ShouldBe(21);
    }
}
