using DocSync.Core.Blobs;
using DocSync.Core.Documents;
using DocSync.Core.Export;
using DocSync.Core.Export.Planning;
using DocSync.Core.Sync;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using DocSync.Dropbox;
using DocSync.Dropbox.Emulator.Faults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Export.Engine;

[Collection(DatabaseCollection.Name)]
public sealed class ExportEngineTests(DatabaseFixture fixture)
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Backfill_exports_every_document_of_the_profile_once_at_its_layout_path(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(fixture, provider);
        for (var i = 1; i <= 24; i++)
        {
            await h.CreateDocumentAsync($"F2025-{i:0000}");
        }
        await h.CreateDocumentAsync("CN-1", DocumentType.CreditNote, "Café Zoë");
        await h.CreateDocumentAsync("Q-1", DocumentType.Quote);

        var profile = await h.CreateProfileAsync();
        profile.Backfill!.Total.ShouldBe(25);
        await h.RunUntilIdleAsync();

        var server = h.ServerFiles();
        server.Count.ShouldBe(50); // PDF + UBL for 24 invoices and a credit note; the quote is not in the profile
        server.ShouldContainKey("/docsync/2025/invoices/f2025-0007 librairie dupont sarl.pdf");
        server.ShouldContainKey("/docsync/2025/invoices/f2025-0007 librairie dupont sarl.xml");
        server.ShouldContainKey("/docsync/2025/credit notes/cn-1 café zoë.pdf");
        server.Keys.ShouldAllBe(k => !k.Contains("q-1") && !k.Contains("(1)"));
        (await h.TasksAsync()).ShouldBeEmpty();
        var exported = await h.ExportedAsync();
        exported.Count.ShouldBe(50);
        await AssertMatchesServerAsync(h, exported, server);
        var view = await InServiceAsync(h, s => s.GetProfileAsync(profile.Profile.Id));
        view.Backfill!.CompletedAt.ShouldNotBeNull();
        view.Backfill.Done.ShouldBe(25);
        view.Exported.ShouldBe(25);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_edit_becomes_a_new_revision_of_the_same_file_and_a_renumber_moves_it(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(fixture, provider);
        var id = await h.CreateDocumentAsync("F2025-0001");
        await h.CreateProfileAsync();
        await h.RunUntilIdleAsync();
        var first = (await h.ExportedAsync()).Single(f => f.Slot == "pdf");

        await h.UpdateDocumentAsync(id, c => c with { Note = "Betaling binnen 30 dagen" });
        await h.RunUntilIdleAsync();
        var edited = (await h.ExportedAsync()).Single(f => f.Slot == "pdf");
        edited.DropboxId.ShouldBe(first.DropboxId);
        edited.Rev.ShouldNotBe(first.Rev);
        edited.Path.ShouldBe(first.Path);
        var revisions = await h.Alice().ListRevisionsAsync(first.Path);
        revisions.Entries.Count.ShouldBe(2); // Dropbox keeps the first version

        await h.UpdateDocumentAsync(id, c => c with { Number = "F2025-0001-B" });
        await h.RunUntilIdleAsync();
        var moved = (await h.ExportedAsync()).Single(f => f.Slot == "pdf");
        moved.DropboxId.ShouldBe(first.DropboxId);
        moved.Path.ShouldBe("/DocSync/2025/Invoices/F2025-0001-B Librairie Dupont SARL.pdf");
        var server = h.ServerFiles();
        server.Keys.ShouldBe(["/docsync/2025/invoices/f2025-0001-b librairie dupont sarl.pdf", "/docsync/2025/invoices/f2025-0001-b librairie dupont sarl.xml"], ignoreOrder: true);
        var log = await h.LogAsync();
        log.Count(e => e.Action == SyncAction.Upload).ShouldBe(2);
        log.Count(e => e.Action == SyncAction.Move).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_new_layout_moves_files_server_side_without_uploading_again(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(fixture, provider);
        for (var i = 1; i <= 10; i++)
        {
            await h.CreateDocumentAsync($"F-{i}", buyer: i % 2 == 0 ? "Brouwerij Het Anker" : "Librairie Dupont SARL");
        }
        var profile = await h.CreateProfileAsync();
        await h.RunUntilIdleAsync();
        var before = (await h.LogAsync()).Count(e => e.Action == SyncAction.Upload);
        var ids = (await h.ExportedAsync()).ToDictionary(f => (f.DocumentId, f.Slot), f => f.DropboxId);

        await InServiceAsync(h, s => s.UpdateProfileAsync(profile.Profile.Id, new ExportProfileInputBuilder { PathTemplate = "{counterparty}/{year}/{number}" }.Build()));
        await h.RunUntilIdleAsync();

        (await h.LogAsync()).Count(e => e.Action == SyncAction.Upload).ShouldBe(before);
        var after = await h.ExportedAsync();
        after.Select(f => ids[(f.DocumentId, f.Slot)] == f.DropboxId).ShouldAllBe(same => same);
        h.ServerFiles().Keys.ShouldAllBe(k => k.StartsWith("/docsync/brouwerij het anker/2025/") || k.StartsWith("/docsync/librairie dupont sarl/2025/"));
        h.ServerFiles().Count.ShouldBe(20);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_deleted_document_stays_in_Dropbox_unless_the_profile_deletes(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(fixture, provider);
        var kept = await h.CreateDocumentAsync("F-1");
        await h.CreateProfileAsync();
        await h.CreateProfileAsync("{type}/{number}", p => { p.Name = "Mirror copy"; p.DeleteInDropbox = true; });
        await h.RunUntilIdleAsync();
        h.ServerFiles().Count.ShouldBe(4);

        await h.DeleteDocumentAsync(kept);
        await h.RunUntilIdleAsync();

        h.ServerFiles().Keys.ShouldBe(["/docsync/2025/invoices/f-1 librairie dupont sarl.pdf", "/docsync/2025/invoices/f-1 librairie dupont sarl.xml"], ignoreOrder: true);
        (await h.TasksAsync()).ShouldBeEmpty();
        (await h.LogAsync()).Count(e => e.Action == SyncAction.Delete && e.Outcome == SyncOutcome.Ok).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Two_documents_on_one_path_stop_only_the_second_with_a_clear_error(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(fixture, provider);
        await h.CreateDocumentAsync("inv-7");
        await h.RunUntilIdleAsync();
        await h.CreateProfileAsync();
        await h.RunUntilIdleAsync();
        await h.CreateDocumentAsync("INV-7"); // differs only by case: one path in Dropbox
        await h.CreateDocumentAsync("INV-8");
        await h.RunUntilIdleAsync();

        h.ServerFiles().Count.ShouldBe(4);
        var dead = await InServiceAsync(h, s => s.DeadLettersAsync(h.ConnectionId));
        dead.Single().DocumentNumber.ShouldBe("INV-7");
        dead.Single().ErrorCode.ShouldBe(PlanProblem.PathCollision);
        dead.Single().Error!.ShouldContain("Another document is already exported to");
        var log = await h.LogAsync();
        log.ShouldContain(e => e.Outcome == SyncOutcome.Failed && e.Detail!.Contains("Another document"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_path_Dropbox_would_refuse_is_a_per_document_error_and_the_rest_flows(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(fixture, provider);
        await h.CreateDocumentAsync("F-1", buyer: new string('x', 95) + " " + new string('y', 95));
        await h.CreateDocumentAsync("F-2");
        await h.CreateProfileAsync("{buyer}/{buyer} {seller}/{buyer}/{number} {buyer}");
        await h.RunUntilIdleAsync();

        var dead = await InServiceAsync(h, s => s.DeadLettersAsync(h.ConnectionId));
        dead.Single().DocumentNumber.ShouldBe("F-1");
        dead.Single().ErrorCode.ShouldBe(PlanProblem.PathInvalid);
        h.ServerFiles().Count.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_full_Dropbox_holds_the_connection_back_loses_nothing_and_resumes_after_retry(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(fixture, provider);
        for (var i = 1; i <= 5; i++)
        {
            await h.CreateDocumentAsync($"F-{i}");
        }
        SetQuota(h, 1000);
        await h.CreateProfileAsync();
        await h.RunOnceAsync();

        var status = await InServiceAsync(h, s => s.StatusAsync(h.ConnectionId));
        status.Problem!.ShouldContain("full");
        status.Queued.ShouldBe(5);
        status.Dead.ShouldBe(0);

        SetQuota(h, 1L << 40);
        await InServiceAsync(h, s => s.RetryAsync(h.ConnectionId));
        await h.RunUntilIdleAsync();
        h.ServerFiles().Count.ShouldBe(10);
        (await InServiceAsync(h, s => s.StatusAsync(h.ConnectionId))).Problem.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_revoked_grant_needs_relinking_and_keeps_the_queue(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(fixture, provider);
        await h.CreateDocumentAsync("F-1");
        await h.CreateProfileAsync();
        lock (h.Emulator.State.Gate)
        {
            foreach (var grant in h.Emulator.State.RefreshTokens.Values)
            {
                grant.Revoked = true;
            }
        }

        await Should.ThrowAsync<ConnectionNeedsRelinkException>(() => h.RunOnceAsync());
        (await h.TasksAsync()).Single().Attempts.ShouldBe(0);
        h.ServerFiles().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, 11)]
    [InlineData(DatabaseProvider.Sqlite, 12)]
    [InlineData(DatabaseProvider.PostgreSql, 13)]
    public async Task Under_faults_by_seed_every_document_lands_exactly_once_with_its_content(DatabaseProvider provider, int seed)
    {
        await using var h = await ExportHarness.StartAsync(fixture, provider, o => o.BatchSize = 15);
        var ids = new List<Guid>();
        for (var i = 1; i <= 40; i++)
        {
            ids.Add(await h.CreateDocumentAsync($"F-{i:000}", i % 7 == 0 ? DocumentType.CreditNote : DocumentType.Invoice));
        }
        h.Faults(seed,
            new FaultRule(FaultKind.TooManyRequests, "files/*", 0.05),
            new FaultRule(FaultKind.TooManyWriteOperations, "files/upload_session/finish_batch_v2", 0.2),
            new FaultRule(FaultKind.PlainTooManyRequests, "files/*", 0.03),
            new FaultRule(FaultKind.InternalServerError, "*", 0.05),
            new FaultRule(FaultKind.Reset, "*", 0.05),
            new FaultRule(FaultKind.DropAfterApply, "files/*", 0.1));
        await h.CreateProfileAsync();
        await h.RunUntilIdleAsync();

        // Continuous export under the same faults: edits and renumbers.
        for (var i = 0; i < 10; i++)
        {
            await h.UpdateDocumentAsync(ids[i], c => c with { Note = $"edit {i}", Number = i % 2 == 0 ? c.Number + "-r" : c.Number });
        }
        await h.RunUntilIdleAsync();
        h.Faults(seed);
        if ((await h.TasksAsync()).Count > 0)
        {
            await InServiceAsync(h, s => s.RetryAsync(h.ConnectionId));
            await h.RunUntilIdleAsync();
        }

        (await h.TasksAsync()).ShouldBeEmpty();
        var server = h.ServerFiles();
        server.Count.ShouldBe(80);
        server.Keys.ShouldAllBe(k => !k.Contains(" (1)"));
        var exported = await h.ExportedAsync();
        exported.Count.ShouldBe(80);
        await AssertMatchesServerAsync(h, exported, server);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Access_tokens_expiring_mid_backfill_are_renewed_and_the_backfill_completes(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.StartAsync(fixture, provider, o => o.BatchSize = 5);
        for (var i = 1; i <= 20; i++)
        {
            await h.CreateDocumentAsync($"F-{i:00}");
        }
        await h.CreateProfileAsync();
        await using (var unit = h.Host.Scope())
        {
            await unit.ServiceProvider.GetRequiredService<SyncQueue>().DispatchOutboxAsync();
        }

        // One client for the whole run, as the worker keeps one per connection: its token expires between rounds.
        var client = h.ConnectedClient();
        var rounds = 0;
        while (true)
        {
            await using var unit = h.Host.Scope();
            var result = await unit.ServiceProvider.GetRequiredService<ExportExecutor>().RunOnceAsync(h.Owner.CompanyId, h.ConnectionId, client);
            if (result.Tasks == 0)
            {
                break;
            }
            rounds++;
            lock (h.Emulator.State.Gate)
            {
                foreach (var token in h.Emulator.State.AccessTokens.Values)
                {
                    token.ExpiresAt = h.Emulator.State.Now.AddSeconds(-1);
                }
            }
        }

        rounds.ShouldBeGreaterThanOrEqualTo(4);
        (await h.TasksAsync()).ShouldBeEmpty();
        h.ServerFiles().Count.ShouldBe(40);
    }

    /// <summary>Every exported row is at its path in Dropbox with the recorded hash, and PDFs carry the blob's bytes.</summary>
    private static async Task AssertMatchesServerAsync(ExportHarness h, List<ExportedFile> exported, Dictionary<string, (string Path, string Hash, string Rev)> server)
    {
        await using var unit = h.Host.Scope(h.Owner);
        var blobs = unit.ServiceProvider.GetRequiredService<BlobStore>();
        foreach (var file in exported)
        {
            server.ShouldContainKey(file.Path.ToLowerInvariant());
            var there = server[file.Path.ToLowerInvariant()];
            there.Hash.ShouldBe(file.ContentHash);
            there.Rev.ShouldBe(file.Rev);
            if (file.Slot == "pdf")
            {
                await using var blob = blobs.OpenRead(file.SourceSha256);
                (await DropboxContentHasher.HashHexAsync(blob)).ShouldBe(there.Hash);
            }
        }
    }

    private static void SetQuota(ExportHarness h, long bytes)
    {
        var account = h.Emulator.Account(DocSync.Dropbox.Emulator.Model.WorldSeeder.AliceEmail);
        lock (h.Emulator.State.Gate)
        {
            account.QuotaBytes = bytes;
        }
    }

    private static async Task<T> InServiceAsync<T>(ExportHarness h, Func<ExportService, Task<T>> act)
    {
        await using var unit = h.Host.Scope(h.Owner);
        return await act(unit.ServiceProvider.GetRequiredService<ExportService>());
    }
}
