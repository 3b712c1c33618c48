using DocSync.Dropbox.Tests.Infrastructure;

namespace DocSync.Dropbox.Tests;

public sealed class DropboxClientListingTests : EmulatorTest
{
    [Fact]
    public async Task GetMetadataAsync_File_DecodesFileMetadata()
    {
        var uploaded = await Alice.UploadAsync("/Docs/a.pdf", "hello"u8.ToArray());

        var metadata = (await Alice.GetMetadataAsync("/docs/A.PDF")).ShouldBeOfType<FileMetadata>();

        metadata.Id.ShouldBe(uploaded.Id);
        metadata.PathDisplay.ShouldBe("/Docs/a.pdf");
        metadata.PathLower.ShouldBe("/docs/a.pdf");
        metadata.Size.ShouldBe(5);
        metadata.ContentHash.ShouldBe(DropboxContentHasher.HashHex("hello"u8));
    }

    [Fact]
    public async Task GetMetadataAsync_ById_FollowsFile()
    {
        var uploaded = await Alice.UploadAsync("/x.txt", "x"u8.ToArray());
        await Alice.MoveAsync("/x.txt", "/y.txt");

        (await Alice.GetMetadataAsync(uploaded.Id)).PathDisplay.ShouldBe("/y.txt");
    }

    [Fact]
    public async Task GetMetadataAsync_Folder_DecodesFolderMetadata()
    {
        await Alice.CreateFolderAsync("/Invoices");

        (await Alice.GetMetadataAsync("/Invoices")).ShouldBeOfType<FolderMetadata>().Id.ShouldStartWith("id:");
    }

    [Fact]
    public async Task GetMetadataAsync_Missing_PathNotFound()
    {
        var error = await Should.ThrowAsync<DropboxApiException>(() => Alice.GetMetadataAsync("/nope"));

        error.StatusCode.ShouldBe(409);
        error.ErrorTag.ShouldBe("path/not_found");
        error.IsNotFound.ShouldBeTrue();
        error.IsTransient.ShouldBeFalse();
        Requests["/2/files/get_metadata"].ShouldBe(1);
    }

    [Fact]
    public async Task GetMetadataAsync_DeletedWithIncludeDeleted_DeletedMetadata()
    {
        await Alice.UploadAsync("/gone.txt", "g"u8.ToArray());
        await Alice.DeleteAsync("/gone.txt");

        var deleted = (await Alice.GetMetadataAsync("/gone.txt", includeDeleted: true)).ShouldBeOfType<DeletedMetadata>();

        deleted.PathLower.ShouldBe("/gone.txt");
    }

    [Fact]
    public async Task GetMetadataAsync_SlashRoot_RejectedBeforeSending()
    {
        await Should.ThrowAsync<ArgumentException>(() => Alice.GetMetadataAsync("/"));
        Requests.Total.ShouldBe(0);
    }

    [Fact]
    public async Task TryGetMetadataAsync_Missing_Null()
    {
        (await Alice.TryGetMetadataAsync("/missing")).ShouldBeNull();
    }

    [Fact]
    public async Task ListFolderAllAsync_SmallPages_ReturnsEveryEntryOnce()
    {
        var paths = Enumerable.Range(0, 25).Select(i => $"/many/f{i:D2}.txt").ToList();
        await Alice.UploadBatchAsync(paths.Select(p => BatchUploadItem.FromBytes(p, "x"u8.ToArray())).ToList());

        var seen = new List<string>();
        await foreach (var entry in Alice.ListFolderAllAsync("/many", new ListFolderOptions { Limit = 4 }))
        {
            seen.Add(entry.PathDisplay!);
        }

        seen.ShouldBe(paths, ignoreOrder: true);
        Requests["/2/files/list_folder/continue"].ShouldBeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public async Task ListFolderPagesAsync_FailureMidListing_Throws()
    {
        for (var i = 0; i < 6; i++)
        {
            await Alice.UploadAsync($"/p/f{i}.txt", new[] { (byte)i });
        }
        var client = NewClient("alice@example.com", o => o.MaxAttempts = 1);
        var pages = new List<ListFolderPage>();

        var error = await Should.ThrowAsync<DropboxApiException>(async () =>
        {
            await foreach (var page in client.ListFolderPagesAsync("/p", new ListFolderOptions { Limit = 2 }))
            {
                pages.Add(page);
                // Reset every cursor of the account after the first page: the listing must not end quietly.
                await AdminAsync("cursors/reset", new System.Text.Json.Nodes.JsonObject { ["account"] = "alice@example.com" });
            }
        });

        error.ErrorTag.ShouldBe(DropboxErrorTags.Reset);
    }

    [Fact]
    public async Task ListFolderAsync_Recursive_IncludesNested()
    {
        await Alice.UploadAsync("/r/a/b/c.txt", "c"u8.ToArray());

        var page = await Alice.ListFolderAsync("", new ListFolderOptions { Recursive = true });

        page.Entries.Select(e => e.PathLower).ShouldContain("/r/a/b/c.txt");
        page.Entries.OfType<FolderMetadata>().Select(e => e.PathLower).ShouldContain("/r/a");
    }

    [Fact]
    public async Task ListFolderAsync_File_NotFolderError()
    {
        await Alice.UploadAsync("/f.txt", "f"u8.ToArray());

        var error = await Should.ThrowAsync<DropboxApiException>(() => Alice.ListFolderAsync("/f.txt"));

        error.ErrorTag.ShouldBe("path/not_folder");
    }

    [Fact]
    public async Task ListChangesAsync_AfterWritesAndDelete_ReturnsChangesToTheEnd()
    {
        await Alice.UploadAsync("/w/keep.txt", "k"u8.ToArray());
        var cursor = await Alice.GetLatestCursorAsync("/w", new ListFolderOptions { Recursive = true, Limit = 1 });
        await Alice.UploadAsync("/w/new1.txt", "1"u8.ToArray());
        await Alice.UploadAsync("/w/new2.txt", "2"u8.ToArray());
        await Alice.DeleteAsync("/w/keep.txt");

        var changes = await Alice.ListChangesAsync(cursor);

        changes.IsReset.ShouldBeFalse();
        changes.Entries.OfType<FileMetadata>().Select(e => e.Name).ShouldBe(["new1.txt", "new2.txt"], ignoreOrder: true);
        changes.Entries.OfType<DeletedMetadata>().Single().PathLower.ShouldBe("/w/keep.txt");
        changes.Cursor.ShouldNotBe(cursor);
        (await Alice.ListChangesAsync(changes.Cursor)).Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListChangesAsync_ResetCursor_ResetOutcome()
    {
        var cursor = await Alice.GetLatestCursorAsync("");
        await AdminAsync("cursors/reset", new System.Text.Json.Nodes.JsonObject { ["cursor"] = cursor });

        var changes = await Alice.ListChangesAsync(cursor);

        changes.IsReset.ShouldBeTrue();
        changes.Entries.ShouldBeEmpty();
        changes.Cursor.ShouldBe(cursor);
    }

    [Fact]
    public async Task LongpollAsync_ChangeWaiting_ReportsChanges()
    {
        var cursor = await Alice.GetLatestCursorAsync("");
        await Alice.UploadAsync("/poll.txt", "p"u8.ToArray());

        var result = await Alice.LongpollAsync(cursor);

        result.Changes.ShouldBeTrue();
        result.IsReset.ShouldBeFalse();
    }

    [Fact]
    public async Task LongpollAsync_NothingChanges_NoChangesWithBackoff()
    {
        await AdminAsync("longpoll", new System.Text.Json.Nodes.JsonObject { ["backoff"] = 7 });
        var cursor = await Alice.GetLatestCursorAsync("");

        var result = await Alice.LongpollAsync(cursor);

        result.Changes.ShouldBeFalse();
        result.Backoff.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task LongpollAsync_ResetCursor_ResetOutcome()
    {
        var cursor = await Alice.GetLatestCursorAsync("");
        await AdminAsync("cursors/reset", new System.Text.Json.Nodes.JsonObject { ["account"] = "alice@example.com" });

        (await Alice.LongpollAsync(cursor)).IsReset.ShouldBeTrue();
    }

    [Fact]
    public async Task LongpollAsync_TimeoutOutOfRange_Rejected()
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Alice.LongpollAsync("c", TimeSpan.FromSeconds(10)));
    }
}
