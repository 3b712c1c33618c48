using DocSync.Dropbox.Tests.Infrastructure;

namespace DocSync.Dropbox.Tests;

public sealed class DropboxClientFilesTests : EmulatorTest
{
    [Fact]
    public async Task CreateFolderAsync_New_ReturnsFolder()
    {
        var folder = await Alice.CreateFolderAsync("/Invoices/2024");

        folder.PathDisplay.ShouldBe("/Invoices/2024");
        folder.Id.ShouldStartWith("id:");
    }

    [Fact]
    public async Task CreateFolderAsync_Exists_ConflictFolder()
    {
        await Alice.CreateFolderAsync("/Dup");

        var error = await Should.ThrowAsync<DropboxApiException>(() => Alice.CreateFolderAsync("/Dup"));

        error.ErrorTag.ShouldBe("path/conflict/folder");
        error.IsTransient.ShouldBeFalse();
    }

    [Fact]
    public async Task CreateFolderAsync_Autorename_PicksFreeName()
    {
        await Alice.CreateFolderAsync("/Dup");

        (await Alice.CreateFolderAsync("/Dup", autorename: true)).Name.ShouldNotBe("Dup");
    }

    [Fact]
    public async Task CreateFolderBatchAsync_MixedPaths_PerEntryResults()
    {
        await Alice.CreateFolderAsync("/b2");

        var result = await Alice.CreateFolderBatchAsync(["/b1", "/b2", "/b3"]);

        result.IsComplete.ShouldBeTrue();
        result.Entries.Count.ShouldBe(3);
        result.Entries[0].Metadata.ShouldBeOfType<FolderMetadata>().PathDisplay.ShouldBe("/b1");
        result.Entries[1].ErrorTag.ShouldBe("path/conflict/folder");
        result.Entries[2].IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task CheckCreateFolderBatchAsync_UnknownJob_InvalidAsyncJobId()
    {
        var error = await Should.ThrowAsync<DropboxApiException>(() => Alice.CheckCreateFolderBatchAsync("dbjid:nope"));

        error.ErrorTag.ShouldBe(DropboxErrorTags.InvalidAsyncJobId);
    }

    [Fact]
    public async Task DeleteAsync_File_ReturnsMetadataBeforeDeletion()
    {
        await Alice.UploadAsync("/d.txt", "d"u8.ToArray());

        var deleted = await Alice.DeleteAsync("/d.txt");

        deleted.ShouldBeOfType<FileMetadata>().Name.ShouldBe("d.txt");
        (await Alice.TryGetMetadataAsync("/d.txt")).ShouldBeNull();
    }

    [Fact]
    public async Task DeleteAsync_StaleParentRev_ConflictAndFileKept()
    {
        var v1 = await Alice.UploadAsync("/d.txt", "1"u8.ToArray());
        await Alice.UploadAsync("/d.txt", "2"u8.ToArray(), new CommitOptions { Mode = WriteMode.Update(v1.Rev) });

        var error = await Should.ThrowAsync<DropboxApiException>(() => Alice.DeleteAsync("/d.txt", parentRev: v1.Rev));

        error.ErrorTag.ShouldBe("path_write/conflict/file");
        (await Alice.TryGetMetadataAsync("/d.txt")).ShouldNotBeNull();
    }

    [Fact]
    public async Task DeleteAsync_Missing_PathLookupNotFound()
    {
        var error = await Should.ThrowAsync<DropboxApiException>(() => Alice.DeleteAsync("/missing"));

        error.ErrorTag.ShouldBe("path_lookup/not_found");
        error.IsNotFound.ShouldBeTrue();
    }

    [Fact]
    public async Task DeleteBatchAsync_TwoFilesOneMissing_WaitsForCompletion()
    {
        await Alice.UploadAsync("/del/a.txt", "a"u8.ToArray());
        await Alice.UploadAsync("/del/b.txt", "b"u8.ToArray());

        var result = await Alice.DeleteBatchAsync(["/del/a.txt", "/del/b.txt", "/del/zzz.txt"]);

        result.IsComplete.ShouldBeTrue();
        result.AsyncJobId.ShouldNotBeNull();
        result.Entries.Select(e => e.IsSuccess).ShouldBe([true, true, false]);
        result.Entries[2].ErrorTag.ShouldBe("path_lookup/not_found");
    }

    [Fact]
    public async Task MoveAsync_File_MovedAndIdKept()
    {
        var file = await Alice.UploadAsync("/m/a.txt", "a"u8.ToArray());

        var moved = await Alice.MoveAsync("/m/a.txt", "/m/sub/b.txt");

        moved.ShouldBeOfType<FileMetadata>().Id.ShouldBe(file.Id);
        moved.PathDisplay.ShouldBe("/m/sub/b.txt");
    }

    [Fact]
    public async Task MoveAsync_TargetExists_ToConflict()
    {
        await Alice.UploadAsync("/a.txt", "a"u8.ToArray());
        await Alice.UploadAsync("/b.txt", "b"u8.ToArray());

        var error = await Should.ThrowAsync<DropboxApiException>(() => Alice.MoveAsync("/a.txt", "/b.txt"));

        error.ErrorTag.ShouldStartWith("to/conflict");
    }

    [Fact]
    public async Task CopyAsync_File_NewIdSameContent()
    {
        var file = await Alice.UploadAsync("/c.txt", "c"u8.ToArray());

        var copy = (await Alice.CopyAsync("/c.txt", "/c2.txt")).ShouldBeOfType<FileMetadata>();

        copy.Id.ShouldNotBe(file.Id);
        copy.ContentHash.ShouldBe(file.ContentHash);
    }

    [Fact]
    public async Task CopyAsync_MissingSource_FromLookupNotFound()
    {
        var error = await Should.ThrowAsync<DropboxApiException>(() => Alice.CopyAsync("/none", "/x"));

        error.ErrorTag.ShouldBe("from_lookup/not_found");
    }

    [Fact]
    public async Task MoveBatchAsync_Pairs_CompleteWithEntries()
    {
        await Alice.UploadAsync("/mb/1.txt", "1"u8.ToArray());
        await Alice.UploadAsync("/mb/2.txt", "2"u8.ToArray());

        var result = await Alice.MoveBatchAsync([("/mb/1.txt", "/mb2/1.txt"), ("/mb/2.txt", "/mb2/2.txt"), ("/mb/none.txt", "/mb2/x.txt")]);

        result.IsComplete.ShouldBeTrue();
        result.Entries[0].Metadata!.PathDisplay.ShouldBe("/mb2/1.txt");
        result.Entries[1].IsSuccess.ShouldBeTrue();
        result.Entries[2].ErrorTag.ShouldBe("relocation_error/from_lookup/not_found");
    }

    [Fact]
    public async Task CopyBatchAsync_Pairs_Complete()
    {
        await Alice.UploadAsync("/cb/1.txt", "1"u8.ToArray());

        var result = await Alice.CopyBatchAsync([("/cb/1.txt", "/cb/copy.txt")]);

        result.Entries.Single().Metadata.ShouldBeOfType<FileMetadata>().Name.ShouldBe("copy.txt");
    }

    [Fact]
    public async Task CheckMoveBatchAsync_And_CheckCopyBatchAsync_UnknownJob_Throw()
    {
        (await Should.ThrowAsync<DropboxApiException>(() => Alice.CheckMoveBatchAsync("dbjid:x"))).ErrorTag.ShouldBe(DropboxErrorTags.InvalidAsyncJobId);
        (await Should.ThrowAsync<DropboxApiException>(() => Alice.CheckCopyBatchAsync("dbjid:x"))).ErrorTag.ShouldBe(DropboxErrorTags.InvalidAsyncJobId);
        (await Should.ThrowAsync<DropboxApiException>(() => Alice.CheckDeleteBatchAsync("dbjid:x"))).ErrorTag.ShouldBe(DropboxErrorTags.InvalidAsyncJobId);
    }

    [Fact]
    public async Task ListRevisionsAsync_ThreeVersions_NewestFirst()
    {
        var v1 = await Alice.UploadAsync("/rev.txt", "1"u8.ToArray());
        var v2 = await Alice.UploadAsync("/rev.txt", "22"u8.ToArray(), new CommitOptions { Mode = WriteMode.Overwrite });
        var v3 = await Alice.UploadAsync("/rev.txt", "333"u8.ToArray(), new CommitOptions { Mode = WriteMode.Update(v2.Rev) });

        var revisions = await Alice.ListRevisionsAsync("/rev.txt");

        revisions.IsDeleted.ShouldBeFalse();
        revisions.Entries.Select(e => e.Rev).ShouldBe([v3.Rev, v2.Rev, v1.Rev]);
    }

    [Fact]
    public async Task ListRevisionsAsync_Folder_NotFile()
    {
        await Alice.CreateFolderAsync("/folder");

        (await Should.ThrowAsync<DropboxApiException>(() => Alice.ListRevisionsAsync("/folder"))).ErrorTag.ShouldBe("path/not_file");
    }

    [Fact]
    public async Task RestoreAsync_OldRev_ContentBack()
    {
        var v1 = await Alice.UploadAsync("/r.txt", "first"u8.ToArray());
        await Alice.UploadAsync("/r.txt", "second"u8.ToArray(), new CommitOptions { Mode = WriteMode.Overwrite });

        var restored = await Alice.RestoreAsync("/r.txt", v1.Rev);

        restored.ContentHash.ShouldBe(v1.ContentHash);
        using var bytes = new MemoryStream();
        await Alice.DownloadAsync("/r.txt", bytes);
        bytes.ToArray().ShouldBe("first"u8.ToArray());
    }

    [Fact]
    public async Task RestoreAsync_UnknownRev_InvalidRevision()
    {
        await Alice.UploadAsync("/r.txt", "x"u8.ToArray());

        (await Should.ThrowAsync<DropboxApiException>(() => Alice.RestoreAsync("/r.txt", "0123456789abc"))).ErrorTag.ShouldBe(DropboxErrorTags.InvalidRevision);
    }

    [Fact]
    public async Task GetTemporaryLinkAsync_File_LinkServesBytes()
    {
        await Alice.UploadAsync("/t/ré.txt", "temp"u8.ToArray());

        var link = await Alice.GetTemporaryLinkAsync("/t/ré.txt");

        link.Metadata.Name.ShouldBe("ré.txt");
        using var http = new HttpClient();
        (await http.GetByteArrayAsync(link.Link)).ShouldBe("temp"u8.ToArray());
    }

    [Fact]
    public async Task GetTemporaryLinkAsync_Missing_NotFound()
    {
        (await Should.ThrowAsync<DropboxApiException>(() => Alice.GetTemporaryLinkAsync("/none"))).ErrorTag.ShouldBe("path/not_found");
    }

    [Fact]
    public async Task SearchAllAsync_SmallPages_FindsEveryMatch()
    {
        for (var i = 0; i < 5; i++)
        {
            await Alice.UploadAsync($"/s/invoice-{i}.pdf", new[] { (byte)i });
        }
        await Alice.UploadAsync("/s/other.txt", "o"u8.ToArray());

        var names = new List<string>();
        await foreach (var match in Alice.SearchAllAsync("invoice", new SearchOptions { MaxResults = 2, Path = "/s" }))
        {
            names.Add(match.Metadata.Name);
            match.MatchType.ShouldBe("filename");
        }

        names.Count.ShouldBe(5);
        names.ShouldAllBe(n => n.StartsWith("invoice-", StringComparison.Ordinal));
        Requests["/2/files/search/continue_v2"].ShouldBe(2);
    }

    [Fact]
    public async Task SearchAsync_Extensions_Filters()
    {
        await Alice.UploadAsync("/e/a.pdf", "a"u8.ToArray());
        await Alice.UploadAsync("/e/a.xml", "a"u8.ToArray());

        var page = await Alice.SearchAsync("a", new SearchOptions { FileExtensions = ["xml"], FilenameOnly = true });

        page.Matches.Single().Metadata.Name.ShouldBe("a.xml");
    }

    [Fact]
    public async Task SearchAsync_MissingScopeFolder_PathNotFound()
    {
        (await Should.ThrowAsync<DropboxApiException>(() => Alice.SearchAsync("x", new SearchOptions { Path = "/none" }))).ErrorTag.ShouldBe("path/not_found");
    }

    [Fact]
    public async Task CreateSharedLinkAsync_File_PublicLink()
    {
        await Alice.UploadAsync("/share.pdf", "s"u8.ToArray());

        var link = await Alice.CreateSharedLinkAsync("/share.pdf");

        link.Kind.ShouldBe("file");
        link.Url.ShouldContain("/s/");
        link.LinkPermissions.ResolvedVisibility.ShouldBe("public");
        link.PathLower.ShouldBe("/share.pdf");
    }

    [Fact]
    public async Task CreateSharedLinkAsync_PasswordAndExpiry_AppliedForAPaidAccount_NotAuthorizedForABasicOne()
    {
        // Bob's account is "pro"; Alice's is basic, which Dropbox allows only public links without expiry.
        var bob = NewClient("bob@example.com");
        await bob.UploadAsync("/p.pdf", "s"u8.ToArray());
        await Alice.UploadAsync("/p.pdf", "s"u8.ToArray());
        var expires = new DateTimeOffset(2099, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var link = await bob.CreateSharedLinkAsync("/p.pdf", new SharedLinkSettings { Password = "secret", Expires = expires });
        var refused = await Should.ThrowAsync<DropboxApiException>(() => Alice.CreateSharedLinkAsync("/p.pdf", new SharedLinkSettings { Expires = expires }));

        link.Expires.ShouldBe(expires);
        link.LinkPermissions.RequirePassword.ShouldBe(true);
        refused.Summary.ShouldStartWith("settings_error/not_authorized");
    }

    [Fact]
    public async Task CreateSharedLinkAsync_Exists_AlreadyExistsTag()
    {
        await Alice.UploadAsync("/dup.pdf", "s"u8.ToArray());
        await Alice.CreateSharedLinkAsync("/dup.pdf");

        var error = await Should.ThrowAsync<DropboxApiException>(() => Alice.CreateSharedLinkAsync("/dup.pdf", new SharedLinkSettings { Audience = "public" }));

        error.HasTag(DropboxErrorTags.SharedLinkAlreadyExists).ShouldBeTrue();
    }

    [Fact]
    public async Task GetOrCreateSharedLinkAsync_Twice_SameLink()
    {
        await Alice.UploadAsync("/g.pdf", "s"u8.ToArray());

        var first = await Alice.GetOrCreateSharedLinkAsync("/g.pdf");
        var second = await Alice.GetOrCreateSharedLinkAsync("/g.pdf");

        second.Url.ShouldBe(first.Url);
    }

    [Fact]
    public async Task ListSharedLinksAsync_ThenRevoke_LinkGone()
    {
        await Alice.UploadAsync("/l.pdf", "s"u8.ToArray());
        var link = await Alice.CreateSharedLinkAsync("/l.pdf");

        (await Alice.ListSharedLinksAsync()).Links.Select(l => l.Url).ShouldBe([link.Url]);
        (await Alice.ListSharedLinksAsync("/l.pdf", directOnly: true)).Links.Count.ShouldBe(1);
        await Alice.RevokeSharedLinkAsync(link.Url);

        (await Alice.ListSharedLinksAsync()).Links.ShouldBeEmpty();
        (await Should.ThrowAsync<DropboxApiException>(() => Alice.RevokeSharedLinkAsync(link.Url))).ErrorTag.ShouldBe(DropboxErrorTags.SharedLinkNotFound);
    }

    [Fact]
    public async Task ListSharedLinksAsync_BadCursor_Reset()
    {
        (await Should.ThrowAsync<DropboxApiException>(() => Alice.ListSharedLinksAsync(cursor: "garbage"))).ErrorTag.ShouldBe(DropboxErrorTags.Reset);
    }
}
