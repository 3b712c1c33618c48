using DocSync.Core.Sync;
using DocSync.Core.Access;
using DocSync.Core.Collect;
using DocSync.Core.Connections;
using DocSync.Core.Documents;
using DocSync.Core.Export;
using DocSync.Core.Organizing;
using DocSync.Core.Overview;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Export.Engine;
using DocSync.Core.Tests.Infrastructure;
using DocSync.Dropbox;
using DocSync.Dropbox.Emulator.Model;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Overview;

[Collection(DatabaseCollection.Name)]
public sealed class OverviewQueryTests(DatabaseFixture fixture)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Figures_count_the_company_alone_and_name_each_problem(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider, configure: UnreachableDropbox);
        var a = await host.NewCompanyAsync("Lumen BV", "a@lumen.example");
        var b = await host.NewCompanyAsync("Brouwerij B", "b@brouwerij.example");
        var seededA = await SeedAsync(host, a, documents: 6, pendingInbox: 3, queued: 4, dead: 2, pausedChannel: true);
        await SeedAsync(host, b, documents: 15, pendingInbox: 7, queued: 9, dead: 6, pausedChannel: false);

        var overview = await OverviewAsync(host, a);

        overview.Documents.ShouldBe(6);
        overview.InboxToProcess.ShouldBe(3);
        overview.BytesStored.ShouldBe(seededA.Bytes);
        var connection = overview.Connections.ShouldHaveSingleItem();
        connection.Name.ShouldBe("Accounting");
        connection.Queued.ShouldBe(4);
        connection.DeadLetters.ShouldBe(2);
        connection.LastDeliveryAt.ShouldBe(seededA.LastDelivery);
        connection.ProblemCode.ShouldBe("insufficient_space");
        connection.ExportedBytes.ShouldBe(1234 + 766);
        connection.Space.ShouldBeNull(); // Dropbox unreachable: unknown, never an error
        var channel = overview.Channels.ShouldHaveSingleItem();
        channel.PausedReason.ShouldBe("The folder /Drop is gone.");
        channel.NextRunAt.ShouldBeNull();
        overview.Problems.Select(p => (p.Kind, p.Count)).ShouldBe(
        [
            (OverviewProblemKind.ConnectionBlocked, 1),
            (OverviewProblemKind.DeadLetters, 2),
            (OverviewProblemKind.ChannelPaused, 1),
            (OverviewProblemKind.InboxToProcess, 3),
        ]);
        overview.Start.Done.ShouldBeTrue();

        overview.Days.Count.ShouldBe(OverviewQuery.ChartDays);
        overview.Days[^1].Day.ShouldBe(DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime));
        overview.Days[^1].Exported.ShouldBe(2); // an upload and an update today; the failed one is not counted
        overview.Days[^3].Exported.ShouldBe(1);
        overview.Days[^1].Collected.ShouldBe(1);
        overview.Days[^2].Collected.ShouldBe(1);
        overview.Days.Sum(d => d.Exported).ShouldBe(3); // the one 40 days ago falls outside
        overview.Days.Sum(d => d.Collected).ShouldBe(2); // a skipped file is not a collected one
    }

    [Fact]
    public async Task A_new_company_starts_with_every_step_open_and_each_ticks_off_when_done()
    {
        await using var host = await TestHost.StartAsync(fixture, DatabaseProvider.Sqlite, configure: UnreachableDropbox);
        var owner = await host.NewCompanyAsync();
        (await OverviewAsync(host, owner)).Start.ShouldBe(new GuidedStart(false, false, false));
        (await OverviewAsync(host, owner)).Problems.ShouldBeEmpty();

        await using (var unit = host.Scope(owner))
        {
            await unit.ServiceProvider.GetRequiredService<InboxService>().ReceiveAsync(InboxSource.Upload, null, "scan.pdf", "application/pdf",
                new MemoryStream(SampleDocuments.Pdf("scan")));
        }
        (await OverviewAsync(host, owner)).Start.ShouldBe(new GuidedStart(true, false, false));

        Guid connectionId;
        await using (var unit = host.Scope(owner))
        {
            connectionId = (await unit.ServiceProvider.GetRequiredService<ConnectionService>()
                .LinkAsync(new LinkRequest("Accounting", "/DocSync", "dbid:1", "a@example.com", "A", null, false, true, "refresh"))).Id;
        }
        (await OverviewAsync(host, owner)).Start.ShouldBe(new GuidedStart(true, true, false));

        await using (var unit = host.Scope(owner))
        {
            await unit.ServiceProvider.GetRequiredService<ExportService>().CreateProfileAsync(connectionId, new ExportProfileInputBuilder().Build());
        }
        (await OverviewAsync(host, owner)).Start.Done.ShouldBeTrue();
    }

    [Fact]
    public async Task Dropbox_space_is_read_once_then_kept_and_a_nearly_full_account_is_a_problem()
    {
        await using var harness = await ExportHarness.StartAsync(fixture, DatabaseProvider.Sqlite);
        await harness.CreateProfileAsync();
        await harness.CreateDocumentAsync("F2025-0001");
        await harness.RunUntilIdleAsync();
        var used = (await harness.Alice().GetSpaceUsageAsync()).Used;
        used.ShouldBeGreaterThan(0);
        SetQuota(harness, used + (used / 20)); // 95 % full

        var first = (await OverviewAsync(harness.Host, harness.Owner)).Connections.ShouldHaveSingleItem();
        first.Space.ShouldNotBeNull();
        first.Space.Used.ShouldBe(used);
        first.Space.Allocated.ShouldBe(used + (used / 20));
        (await OverviewAsync(harness.Host, harness.Owner)).Problems.ShouldContain(p => p.Kind == OverviewProblemKind.SpaceNearlyFull && p.SubjectId == harness.ConnectionId);

        // Within the cache's time Dropbox is not asked again; after it, it is.
        SetQuota(harness, used * 100);
        (await OverviewAsync(harness.Host, harness.Owner)).Connections[0].Space!.Allocated.ShouldBe(used + (used / 20));
        harness.Host.Time.Advance(DropboxSpace.Fresh);
        var later = await OverviewAsync(harness.Host, harness.Owner);
        later.Connections[0].Space!.Allocated.ShouldBe(used * 100);
        later.Problems.ShouldNotContain(p => p.Kind == OverviewProblemKind.SpaceNearlyFull);
    }

    private static void SetQuota(ExportHarness harness, long bytes)
    {
        lock (harness.Emulator.State.Gate)
        {
            harness.Emulator.Account(WorldSeeder.AliceEmail).QuotaBytes = bytes;
        }
    }

    private static void UnreachableDropbox(IServiceCollection services) => services.AddSingleton<IDropboxConnector, UnreachableConnector>();

    private static async Task<CompanyOverview> OverviewAsync(TestHost host, CompanyScope scope)
    {
        await using var unit = host.Scope(scope);
        return await unit.ServiceProvider.GetRequiredService<OverviewQuery>().GetAsync();
    }

    private static async Task<(long Bytes, DateTimeOffset LastDelivery)> SeedAsync(TestHost host, CompanyScope scope, int documents, int pendingInbox,
        int queued, int dead, bool pausedChannel)
    {
        await using var unit = host.Scope(scope);
        var services = unit.ServiceProvider;
        var documentIds = new List<Guid>();
        for (var i = 0; i < documents; i++)
        {
            var created = await services.GetRequiredService<DocumentService>().CreateAsync(new CreateDocumentRequest
            {
                Content = SampleDocuments.Invoice($"F-{i}"),
                Status = DocumentStatus.Final,
                Files = [new DocumentFileUpload(DocumentFileKind.Pdf, $"F-{i}.pdf", "application/pdf", new MemoryStream(SampleDocuments.Pdf($"doc {i}")))],
            });
            documentIds.Add(created.Document.Id);
        }

        var inbox = services.GetRequiredService<InboxService>();
        for (var i = 0; i < pendingInbox + 1; i++)
        {
            var receipt = await inbox.ReceiveAsync(InboxSource.Upload, null, $"scan-{i}.pdf", "application/pdf", new MemoryStream(SampleDocuments.Pdf($"scan {i}")));
            if (i == pendingInbox)
            {
                await inbox.RejectAsync(receipt.Item.Id, "not a document");
            }
        }

        var connection = await services.GetRequiredService<ConnectionService>()
            .LinkAsync(new LinkRequest("Accounting", "/DocSync", $"dbid:{scope.CompanyId:N}", "a@example.com", "A", null, false, true, "refresh"));
        var db = services.GetRequiredService<DocSyncDbContext>();
        var now = host.Time.GetUtcNow();
        var profile = new ExportProfile
        {
            Id = Guid.NewGuid(), ConnectionId = connection.Id, Name = "Sales", PathTemplate = "{year}/{number}", Language = "en",
            DocumentTypes = ExportProfile.TypeBit(DocumentType.Invoice), CreatedAt = now, UpdatedAt = now,
        };
        db.ExportProfiles.Add(profile);
        for (var i = 0; i < queued + dead; i++)
        {
            db.SyncTasks.Add(new SyncTask
            {
                ConnectionId = connection.Id, ProfileId = profile.Id, DocumentId = documentIds[i], Priority = SyncPriority.Change,
                NextAttemptAt = now, CreatedAt = now, DeadAt = i < dead ? now : null,
            });
        }

        var lastDelivery = now.AddMinutes(-7);
        db.ConnectionActivities.Add(new ConnectionActivity
        {
            ConnectionId = connection.Id, LastSuccessAt = lastDelivery, LastRunAt = now, ProblemCode = "insufficient_space", Problem = "Dropbox is full.", ProblemAt = now,
        });
        foreach (var (length, n) in new[] { (1234L, 1), (766L, 2) })
        {
            db.ExportedFiles.Add(new ExportedFile
            {
                Id = Guid.NewGuid(), ProfileId = profile.Id, DocumentId = documentIds[n], Slot = "pdf", Path = $"/DocSync/{n}.pdf", PathKey = $"/docsync/{n}.pdf",
                DropboxId = $"id:{n}", Rev = "0123456789", ContentHash = "h", SourceSha256 = "s", DocumentVersion = 1, Length = length, ExportedAt = now,
            });
        }

        foreach (var (days, action, outcome) in new[]
                 {
                     (0, SyncAction.Upload, SyncOutcome.Ok), (0, SyncAction.Update, SyncOutcome.Warning), (0, SyncAction.Upload, SyncOutcome.Failed),
                     (0, SyncAction.Move, SyncOutcome.Ok), (2, SyncAction.Upload, SyncOutcome.Ok), (40, SyncAction.Upload, SyncOutcome.Ok),
                 })
        {
            db.SyncLog.Add(new SyncLogEntry { ConnectionId = connection.Id, ProfileId = profile.Id, At = now.AddDays(-days), Action = action, Outcome = outcome });
        }

        var channel = new CollectionChannel
        {
            Id = Guid.NewGuid(), ConnectionId = connection.Id, Name = "Client drop", SourcePath = "/Drop", DestinationPersonId = scope.Actor.Id,
            Schedule = "0 6 * * *", TimeZone = "Europe/Brussels", Enabled = true, NextRunAt = now.AddHours(3), CreatedAt = now, UpdatedAt = now,
            Problem = pausedChannel ? "The folder /Drop is gone." : null, ProblemCode = pausedChannel ? "source-gone" : null,
        };
        db.CollectionChannels.Add(channel);
        var run = new CollectionRun { Id = Guid.NewGuid(), ChannelId = channel.Id, StartedAt = now, EndedAt = now, Outcome = CollectRunOutcome.Completed };
        db.CollectionRuns.Add(run);
        foreach (var (days, result) in new[] { (0, CollectFileResult.Collected), (1, CollectFileResult.Collected), (0, CollectFileResult.Skipped) })
        {
            db.CollectionRunFiles.Add(new CollectionRunFile { RunId = run.Id, Path = "/Drop/x.pdf", DropboxFileId = $"id:{Guid.NewGuid():N}", Result = result, At = now.AddDays(-days) });
        }

        await db.SaveChangesAsync();
        var bytes = Enumerable.Range(0, documents).Sum(i => (long)SampleDocuments.Pdf($"doc {i}").Length)
                    + Enumerable.Range(0, pendingInbox + 1).Sum(i => (long)SampleDocuments.Pdf($"scan {i}").Length);
        return (bytes, lastDelivery);
    }

    /// <summary>A Dropbox nobody answers at (a closed loopback port).</summary>
    internal sealed class UnreachableConnector : IDropboxConnector
    {
        private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

        public DropboxClient Connect(DropboxConnection connection, string refreshToken)
        {
            var closed = new Uri("http://127.0.0.1:9/");
            var options = new DropboxClientOptions
            {
                ApiBaseUri = closed, ContentBaseUri = closed, NotifyBaseUri = closed, OAuthTokenBaseUri = closed, OAuthAuthorizeBaseUri = closed,
                AppKey = "app", MaxAttempts = 1,
            };
            return new DropboxClient(Http, new StaticTokenProvider("token"), options);
        }
    }
}
