using DocSync.Core.Companies;
using DocSync.Core.Errors;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Organizing;

[Collection(DatabaseCollection.Name)]
public sealed class FolderServiceTests(DatabaseFixture fixture)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListAsync_NestedFoldersAndFiles_ListsEachLevelByName(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var folders = unit.ServiceProvider.GetRequiredService<FolderService>();
        var contracts = await folders.CreateFolderAsync(null, "Contracts");
        await folders.CreateFolderAsync(null, "archive");
        var leases = await folders.CreateFolderAsync(contracts.Id, "Leases");
        var file = await folders.AddFileAsync(contracts.Id, "NDA ÉCOLE.pdf", "application/pdf", new MemoryStream(SampleDocuments.Pdf("nda")));
        await folders.AddFileAsync(contracts.Id, "annex.txt", "text/plain", new MemoryStream("annex"u8.ToArray()));

        var root = await folders.ListAsync();
        var inContracts = await folders.ListAsync(contracts.Id);
        var inLeases = await folders.ListAsync(leases.Id);

        root.Folder.ShouldBeNull();
        root.Folders.Select(f => f.Name).ShouldBe(["archive", "Contracts"]);
        root.Files.ShouldBeEmpty();
        inContracts.Folder.ShouldBe(contracts);
        inContracts.Folders.ShouldHaveSingleItem().ShouldBe(leases);
        inContracts.Files.Select(f => f.FileName).ShouldBe(["annex.txt", "NDA ÉCOLE.pdf"]);
        (inLeases.Folders.Count, inLeases.Files.Count).ShouldBe((0, 0));
        var (info, content) = await folders.OpenFileAsync(file.Id);
        await using (content)
        {
            info.ShouldBe(file);
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            copy.ToArray().ShouldBe(SampleDocuments.Pdf("nda"));
        }
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateFolderAsync_NameTakenIgnoringCase_ThrowsConflict(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var folders = unit.ServiceProvider.GetRequiredService<FolderService>();
        var top = await folders.CreateFolderAsync(null, "Été 2025");
        await folders.AddFileAsync(top.Id, "notes.txt", "text/plain", new MemoryStream("n"u8.ToArray()));

        (await Should.ThrowAsync<ConflictException>(() => folders.CreateFolderAsync(null, "ÉTÉ 2025"))).Code.ShouldBe("name-taken");
        (await Should.ThrowAsync<ConflictException>(() => folders.CreateFolderAsync(top.Id, "NOTES.TXT"))).Field.ShouldBe("name");
        (await Should.ThrowAsync<ConflictException>(() => folders.AddFileAsync(top.Id, "Notes.txt", "text/plain", new MemoryStream([1])))).Field.ShouldBe("fileName");
        var nested = await folders.CreateFolderAsync(top.Id, "été 2025");
        nested.ParentId.ShouldBe(top.Id);
        (await Should.ThrowAsync<ConflictException>(() => folders.AddFileAsync(top.Id, "ÉTÉ 2025", "text/plain", new MemoryStream([1])))).Code.ShouldBe("name-taken");
        (await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().Folders.CountAsync()).ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CreateFolderAsync_HostileNames_ThrowNamingField(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var folders = unit.ServiceProvider.GetRequiredService<FolderService>();
        var top = await folders.CreateFolderAsync(null, "Top");
        string[] names = ["", " ", "..", ".", "../escape", "a/b", "a\\b", "tab\there", "nul\u0000", "bell\u0007", "\udc00", new string('y', 256), " padded "];

        foreach (var name in names)
        {
            (await Should.ThrowAsync<ValidationFailedException>(() => folders.CreateFolderAsync(top.Id, name)))
                .Errors.ShouldHaveSingleItem().Field.ShouldBe("name", $"name {name}");
            (await Should.ThrowAsync<ValidationFailedException>(() => folders.AddFileAsync(top.Id, name, "text/plain", new MemoryStream([1]))))
                .Errors.ShouldHaveSingleItem().Field.ShouldBe("fileName", $"name {name}");
            (await Should.ThrowAsync<ValidationFailedException>(() => folders.RenameFolderAsync(top.Id, name)))
                .Errors.ShouldHaveSingleItem().Field.ShouldBe("name", $"name {name}");
        }

        (await Should.ThrowAsync<ValidationFailedException>(() => folders.AddFileAsync(top.Id, "ok.txt", "text", new MemoryStream([1]))))
            .Errors.ShouldHaveSingleItem().Field.ShouldBe("contentType");
        var listing = await folders.ListAsync(top.Id);
        (listing.Folder!.Name, listing.Folders.Count, listing.Files.Count).ShouldBe(("Top", 0, 0));
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RenameFolderAsync_ToSiblingOrOwnName_RefusesSiblingAllowsCaseChange(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var folders = unit.ServiceProvider.GetRequiredService<FolderService>();
        var invoices = await folders.CreateFolderAsync(null, "invoices");
        await folders.CreateFolderAsync(null, "Receipts");

        (await Should.ThrowAsync<ConflictException>(() => folders.RenameFolderAsync(invoices.Id, "RECEIPTS"))).Code.ShouldBe("name-taken");
        var renamed = await folders.RenameFolderAsync(invoices.Id, "Invoices");

        renamed.ShouldBe(invoices with { Name = "Invoices", Version = invoices.Version + 1 });
        (await folders.ListAsync()).Folders.Select(f => f.Name).ShouldBe(["Invoices", "Receipts"]);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TrashFolderAsync_WithSubfoldersAndFiles_AllLeaveTheTreeAndAreAudited(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var folders = unit.ServiceProvider.GetRequiredService<FolderService>();
        var top = await folders.CreateFolderAsync(null, "Top");
        var child = await folders.CreateFolderAsync(top.Id, "Child");
        var file = await folders.AddFileAsync(child.Id, "a.txt", "text/plain", new MemoryStream("a"u8.ToArray()));

        await folders.TrashFolderAsync(top.Id);

        (await folders.ListAsync()).Folders.ShouldBeEmpty();
        await Should.ThrowAsync<NotFoundException>(() => folders.OpenFileAsync(file.Id));
        await Should.ThrowAsync<NotFoundException>(() => folders.ListAsync(child.Id));
        (await folders.CreateFolderAsync(null, "Top")).Id.ShouldNotBe(top.Id);
        var audit = await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().AuditEntries
            .Where(a => a.Action == "Modified" && a.EntityType == nameof(Folder)).Select(a => a.ChangedProperties).ToListAsync();
        audit.ShouldHaveSingleItem()!.ShouldContain("DeletedAt");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Changes_MemberWithoutManageFiles_ThrowAccessDeniedButMayRead(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        FolderInfo top;
        FolderFileInfo file;
        await using (var unit = host.Scope(owner))
        {
            var mine = unit.ServiceProvider.GetRequiredService<FolderService>();
            top = await mine.CreateFolderAsync(null, "Top");
            file = await mine.AddFileAsync(top.Id, "a.txt", "text/plain", new MemoryStream("a"u8.ToArray()));
        }

        await using var member = host.Scope(owner with { Rights = RoleRights.For(CompanyRole.Member) });
        var folders = member.ServiceProvider.GetRequiredService<FolderService>();

        (await Should.ThrowAsync<AccessDeniedException>(() => folders.CreateFolderAsync(null, "Mine"))).Right.ShouldBe(Right.ManageFiles);
        (await Should.ThrowAsync<AccessDeniedException>(() => folders.RenameFolderAsync(top.Id, "Renamed"))).Right.ShouldBe(Right.ManageFiles);
        (await Should.ThrowAsync<AccessDeniedException>(() => folders.TrashFolderAsync(top.Id))).Right.ShouldBe(Right.ManageFiles);
        (await Should.ThrowAsync<AccessDeniedException>(() => folders.AddFileAsync(top.Id, "b.txt", "text/plain", new MemoryStream([1])))).Right.ShouldBe(Right.ManageFiles);
        (await Should.ThrowAsync<AccessDeniedException>(() => folders.TrashFileAsync(file.Id))).Right.ShouldBe(Right.ManageFiles);
        (await folders.ListAsync(top.Id)).Files.ShouldHaveSingleItem().ShouldBe(file);
        await using var nobody = host.Scope(owner with { Rights = new HashSet<Right>() });
        (await Should.ThrowAsync<AccessDeniedException>(() => nobody.ServiceProvider.GetRequiredService<FolderService>().OpenFileAsync(file.Id)))
            .Right.ShouldBe(Right.ViewDocuments);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Services_AnotherCompanysFolders_ReadAsNotFoundAndChangeNothing(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var a = await host.NewCompanyAsync("A BV", "a@example.be");
        var b = await host.NewCompanyAsync("B BV", "b@example.be");
        FolderInfo bFolder;
        FolderFileInfo bFile;
        await using (var unitB = host.Scope(b))
        {
            var theirs = unitB.ServiceProvider.GetRequiredService<FolderService>();
            bFolder = await theirs.CreateFolderAsync(null, "Secret");
            bFile = await theirs.AddFileAsync(bFolder.Id, "salaries.txt", "text/plain", new MemoryStream("secret"u8.ToArray()));
        }

        await using var unitA = host.Scope(a);
        var folders = unitA.ServiceProvider.GetRequiredService<FolderService>();

        await Should.ThrowAsync<NotFoundException>(() => folders.ListAsync(bFolder.Id));
        await Should.ThrowAsync<NotFoundException>(() => folders.CreateFolderAsync(bFolder.Id, "Inside"));
        await Should.ThrowAsync<NotFoundException>(() => folders.RenameFolderAsync(bFolder.Id, "Mine"));
        await Should.ThrowAsync<NotFoundException>(() => folders.TrashFolderAsync(bFolder.Id));
        await Should.ThrowAsync<NotFoundException>(() => folders.AddFileAsync(bFolder.Id, "x.txt", "text/plain", new MemoryStream([1])));
        await Should.ThrowAsync<NotFoundException>(() => folders.OpenFileAsync(bFile.Id));
        await Should.ThrowAsync<NotFoundException>(() => folders.TrashFileAsync(bFile.Id));
        (await folders.ListAsync()).Folders.ShouldBeEmpty();
        (await folders.CreateFolderAsync(null, "Secret")).Id.ShouldNotBe(bFolder.Id);

        await using var checkB = host.Scope(b);
        var listing = await checkB.ServiceProvider.GetRequiredService<FolderService>().ListAsync(bFolder.Id);
        (listing.Folder, listing.Files.ShouldHaveSingleItem()).ShouldBe((bFolder, bFile));
    }
}
