using DocSync.Dropbox.Emulator.Faults;
using DocSync.Dropbox.Emulator.Model;
using DocSync.Dropbox.Tests.Infrastructure;

namespace DocSync.Dropbox.Tests;

public sealed class DropboxClientDownloadTests : EmulatorTest
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5 * 1024 * 1024 + 3)]
    public async Task DownloadAsync_File_BytesAndVerifiedMetadata(int size)
    {
        var data = RandomBytes(size, 77);
        await Alice.UploadAsync("/dl.bin", data);

        using var destination = new MemoryStream();
        var metadata = await Alice.DownloadAsync("/dl.bin", destination);

        destination.ToArray().ShouldBe(data);
        metadata.Size.ShouldBe(size);
        metadata.ContentHash.ShouldBe(ContentHasher.Compute(data));
    }

    [Fact]
    public async Task DownloadAsync_OldRevision_ServesThatRevision()
    {
        var v1 = await Alice.UploadAsync("/v.txt", "one"u8.ToArray());
        await Alice.UploadAsync("/v.txt", "two"u8.ToArray(), new CommitOptions { Mode = WriteMode.Overwrite });

        using var destination = new MemoryStream();
        await Alice.DownloadAsync("rev:" + v1.Rev, destination);

        destination.ToArray().ShouldBe("one"u8.ToArray());
    }

    [Fact]
    public async Task DownloadAsync_Missing_PathNotFound()
    {
        using var destination = new MemoryStream();

        (await Should.ThrowAsync<DropboxApiException>(() => Alice.DownloadAsync("/none", destination))).ErrorTag.ShouldBe("path/not_found");
    }

    [Fact]
    public async Task DownloadAsync_Folder_NotFile()
    {
        await Alice.CreateFolderAsync("/dir");
        using var destination = new MemoryStream();

        (await Should.ThrowAsync<DropboxApiException>(() => Alice.DownloadAsync("/dir", destination))).ErrorTag.ShouldBe("path/not_file");
    }

    [Fact]
    public async Task DownloadAsync_ConnectionDropsHalfway_ResumesAndWritesEachByteOnce()
    {
        var data = RandomBytes(3 * 1024 * 1024, 91);
        await Alice.UploadAsync("/resume.bin", data);
        Faults(5, new FaultRule(FaultKind.Reset, "files/download", Count: 2));

        using var destination = new MemoryStream();
        await Alice.DownloadAsync("/resume.bin", destination);

        destination.ToArray().ShouldBe(data);
        Requests["/2/files/download"].ShouldBe(3);
        Emulator.Faults.Log.Count(e => e.Kind == FaultKind.Reset).ShouldBe(2);
    }

    [Fact]
    public async Task DownloadAsync_DropsEveryTime_ThrowsNetworkErrorAfterMaxAttempts()
    {
        await Alice.UploadAsync("/always.bin", RandomBytes(100_000, 1));
        Faults(6, new FaultRule(FaultKind.Reset, "files/download"));
        var client = NewClient(WorldSeeder.AliceEmail, o => o.MaxAttempts = 3);

        using var destination = new MemoryStream();
        var error = await Should.ThrowAsync<DropboxApiException>(() => client.DownloadAsync("/always.bin", destination));

        error.ErrorTag.ShouldBe(DropboxErrorTags.NetworkError);
        error.IsTransient.ShouldBeTrue();
        Requests["/2/files/download"].ShouldBe(3);
    }
}
