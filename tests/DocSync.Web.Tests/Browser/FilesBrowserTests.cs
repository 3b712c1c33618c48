using System.IO.Compression;
using DocSync.Core.Persistence;
using Microsoft.Playwright;

namespace DocSync.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class FilesBrowserTests(Databases databases, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Files_UploadTwoNewFolderMoveDeleteRestoreZip()
    {
        await using var app = await DocSyncApp.StartKestrelAsync(databases, DatabaseProvider.Sqlite);
        var tenant = await app.CreateTenantAsync("Lumen BV");
        var page = await chromium.NewPageAsync(app.Address!);
        await page.SignInAsync(tenant.OwnerEmail);

        await page.GetByRole(AriaRole.Link, new() { Name = "Files", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.MainHeading()).ToHaveTextAsync("Files");
        await page.GetByLabel("Files to upload").SetInputFilesAsync(
        [
            new FilePayload { Name = "offer.pdf", MimeType = "application/pdf", Buffer = RealFiles.Pdf("offer") },
            new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "notes"u8.ToArray() },
        ]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("2 files uploaded");

        await page.GetByLabel("New folder").FillAsync("Contracts");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create folder" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Folder created");

        await page.GetByLabel("Select offer.pdf").CheckAsync();
        await page.GetByLabel("Move to").SelectOptionAsync(new SelectOptionValue { Label = "Contracts" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Moved");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "offer.pdf" })).ToHaveCountAsync(0);

        await page.GetByLabel("Select notes.txt").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete (to the trash)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Moved to the trash");
        await page.GetByRole(AriaRole.Link, new() { Name = "Trash" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore notes.txt" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Restored as “notes.txt”");

        await page.GotoAsync($"/c/{tenant.CompanyId}/files");
        await page.GetByRole(AriaRole.Link, new() { Name = "Contracts" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download this folder as a zip" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("Contracts.zip");
        using var zip = new ZipArchive(File.OpenRead((await download.PathAsync())!));
        zip.Entries.Select(e => e.FullName).ShouldBe(["Contracts/offer.pdf"]);
    }
}
