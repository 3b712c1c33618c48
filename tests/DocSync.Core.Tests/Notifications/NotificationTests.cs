using DocSync.Core.Sync;
using DocSync.Core.Access;
using DocSync.Core.Collect;
using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Export;
using DocSync.Core.Notifications;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using DocSync.Core.Tests.Overview;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Notifications;

[Collection(DatabaseCollection.Name)]
public sealed class NotificationTests(DatabaseFixture fixture)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_connection_needing_relink_notifies_once_those_who_may_relink_in_their_language(DatabaseProvider provider)
    {
        using var smtp = new TinySmtpServer();
        await using var host = await StartAsync(provider, smtp);
        var owner = await host.NewCompanyAsync("Lumen BV", "owner@lumen.example");
        var admin = await AddPersonAsync(host, owner, "admin@lumen.example", CompanyRole.Admin, "fr");
        var member = await AddPersonAsync(host, owner, "member@lumen.example", CompanyRole.Member, "en");
        var connectionId = await LinkAsync(host, owner);

        await MarkNeedsRelinkAsync(host, owner, connectionId);
        await MarkNeedsRelinkAsync(host, owner, connectionId); // already flagged: not a new event
        (await host.Get<NotificationWorker>().RunOnceAsync()).ShouldBe(1);
        (await host.Get<NotificationWorker>().RunOnceAsync()).ShouldBe(0);

        smtp.Messages.Count.ShouldBe(2);
        var english = smtp.Messages.Where(m => m.Contains("owner@lumen.example")).ShouldHaveSingleItem();
        english.ShouldContain("Subject: DocSync: the Dropbox connection 'Accounting' needs linking again");
        english.ShouldContain($"https://docsync.example.be/c/{owner.CompanyId}/connections");
        english.ShouldContain("Dropbox refused DocSync's access.");
        english.ShouldNotContain("refresh-secret");
        smtp.Messages.Where(m => m.Contains("admin@lumen.example")).ShouldHaveSingleItem().ShouldContain("Subject: DocSync: la connexion Dropbox");
        smtp.Messages.ShouldNotContain(m => m.Contains("member@lumen.example"));

        // Read and unread are kept per person; the member, who cannot act on it, does not see it at all.
        (await UnreadAsync(host, owner)).ShouldBe(1);
        (await UnreadAsync(host, admin)).ShouldBe(1);
        (await UnreadAsync(host, member)).ShouldBe(0);
        await using (var unit = host.Scope(owner))
        {
            var center = unit.ServiceProvider.GetRequiredService<NotificationCenter>();
            var notice = (await center.ListAsync()).ShouldHaveSingleItem();
            notice.FixPath.ShouldBe($"/c/{owner.CompanyId}/connections");
            await center.MarkReadAsync(notice.Notice.Id);
        }
        (await UnreadAsync(host, owner)).ShouldBe(0);
        (await UnreadAsync(host, admin)).ShouldBe(1);
        await using (var unit = host.Scope(member))
        {
            var id = (await UnreadAsync(host, owner)) == 0 ? (await NoticesAsync(host, owner)).Single().Id : Guid.Empty;
            await Should.ThrowAsync<DocSync.Core.Errors.NotFoundException>(() => unit.ServiceProvider.GetRequiredService<NotificationCenter>().MarkReadAsync(id));
        }

        // Linked again and refused again: a new event, a new notice.
        await RelinkAsync(host, owner, connectionId);
        await MarkNeedsRelinkAsync(host, owner, connectionId);
        (await host.Get<NotificationWorker>().RunOnceAsync()).ShouldBe(1);
        (await NoticesAsync(host, owner)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_same_event_reported_twice_makes_one_notice()
    {
        await using var host = await StartAsync(DatabaseProvider.Sqlite, null);
        var owner = await host.NewCompanyAsync();
        var connectionId = await LinkAsync(host, owner);
        await using (var unit = host.Scope(owner))
        {
            var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
            var now = host.Time.GetUtcNow();
            db.NoticeEvents.Add(NoticeDetector.DeadLetters(owner.CompanyId, connectionId, 1, now, now));
            db.NoticeEvents.Add(NoticeDetector.DeadLetters(owner.CompanyId, connectionId, 3, now, now));
            await db.SaveChangesAsync();
        }

        (await host.Get<NotificationWorker>().RunOnceAsync()).ShouldBe(1);
        var notice = (await NoticesAsync(host, owner)).ShouldHaveSingleItem();
        notice.SubjectName.ShouldBe("Accounting");
        (await host.Get<NotificationWorker>().RunOnceAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Export_tasks_giving_up_notify_once_per_connection_and_day_however_many_sweeps()
    {
        await using var host = await StartAsync(DatabaseProvider.Sqlite, null);
        var owner = await host.NewCompanyAsync();
        var connectionId = await LinkAsync(host, owner);
        var worker = host.Get<NotificationWorker>();
        await worker.RunOnceAsync();
        await using (var unit = host.Scope(owner))
        {
            await unit.ServiceProvider.GetRequiredService<ExportService>().CreateProfileAsync(connectionId, new Export.Engine.ExportProfileInputBuilder().Build());
            var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
            var now = host.Time.GetUtcNow();
            var profileId = await db.ExportProfiles.Select(p => p.Id).SingleAsync();
            foreach (var number in new[] { "F-1", "F-2" })
            {
                var document = await unit.ServiceProvider.GetRequiredService<DocSync.Core.Documents.DocumentService>().CreateAsync(new DocSync.Core.Documents.CreateDocumentRequest
                {
                    Content = SampleDocuments.Invoice(number), Status = DocSync.Core.Documents.DocumentStatus.Final, Files = [],
                });
                db.SyncTasks.Add(new SyncTask { ConnectionId = connectionId, ProfileId = profileId, DocumentId = document.Document.Id, NextAttemptAt = now, CreatedAt = now });
            }
            await db.SaveChangesAsync();
            // As the engine gives up: in one bulk statement, past the change tracker.
            await db.SyncTasks.ExecuteUpdateAsync(s => s.SetProperty(t => t.DeadAt, now));
        }

        (await worker.RunOnceAsync()).ShouldBe(0); // the sweep waits for its interval
        host.Time.Advance(TimeSpan.FromHours(1));
        (await worker.RunOnceAsync()).ShouldBe(1);
        (await NoticesAsync(host, owner)).ShouldHaveSingleItem().Count.ShouldBe(2);
        host.Time.Advance(TimeSpan.FromHours(1));
        (await worker.RunOnceAsync()).ShouldBe(0);
        (await NoticesAsync(host, owner)).ShouldHaveSingleItem().Kind.ShouldBe(NoticeKind.DeadLetters);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_daily_digest_gathers_the_days_notices_in_one_message_at_the_digest_hour(DatabaseProvider provider)
    {
        using var smtp = new TinySmtpServer();
        await using var host = await StartAsync(provider, smtp);
        var owner = await host.NewCompanyAsync("Lumen BV", "owner@lumen.example");
        var accountant = await AddPersonAsync(host, owner, "acc@lumen.example", CompanyRole.Accountant, "nl");
        await using (var unit = host.Scope(owner))
        {
            await unit.ServiceProvider.GetRequiredService<NotificationCenter>().SetMailAsync(NoticeMail.DailyDigest);
        }
        await using (var unit = host.Scope(accountant))
        {
            await unit.ServiceProvider.GetRequiredService<NotificationCenter>().SetMailAsync(NoticeMail.Never);
        }

        // 16 June 09:00 UTC (11:00 in Brussels): a connection needs re-linking, a channel is paused.
        var connectionId = await LinkAsync(host, owner);
        var channelId = await NewChannelAsync(host, owner, connectionId);
        await MarkNeedsRelinkAsync(host, owner, connectionId);
        await PauseChannelAsync(host, owner, channelId, "source-gone", "The folder /Drop is gone.");
        var worker = host.Get<NotificationWorker>();
        (await worker.RunOnceAsync()).ShouldBe(2);
        smtp.Messages.ShouldBeEmpty(); // the digest chosen today goes tomorrow at 07:00
        (await UnreadAsync(host, accountant)).ShouldBe(1); // the paused channel: the accountant may configure collection

        host.Time.SetUtcNow(new DateTimeOffset(2025, 6, 17, 4, 59, 0, TimeSpan.Zero)); // 06:59 in Brussels
        await worker.RunOnceAsync();
        smtp.Messages.ShouldBeEmpty();
        host.Time.SetUtcNow(new DateTimeOffset(2025, 6, 17, 5, 0, 0, TimeSpan.Zero));
        await worker.RunOnceAsync();
        var digest = smtp.Messages.ShouldHaveSingleItem();
        digest.ShouldContain("owner@lumen.example");
        digest.ShouldContain("Subject: DocSync: 2 notice(s)");
        digest.ShouldContain("the Dropbox connection 'Accounting' needs linking again");
        digest.ShouldContain("the collection channel 'Client drop' is paused");
        digest.ShouldContain($"/c/{owner.CompanyId}/collection/{channelId}");
        await worker.RunOnceAsync();
        host.Time.Advance(TimeSpan.FromHours(5));
        await worker.RunOnceAsync();
        smtp.Messages.Count.ShouldBe(1); // nothing new: no second digest
    }

    [Fact]
    public async Task Without_SMTP_notices_still_reach_the_centre_and_nothing_waits_to_be_mailed()
    {
        await using var host = await StartAsync(DatabaseProvider.Sqlite, null);
        var owner = await host.NewCompanyAsync();
        var connectionId = await LinkAsync(host, owner);
        await MarkNeedsRelinkAsync(host, owner, connectionId);
        await host.Get<NotificationWorker>().RunOnceAsync();
        (await UnreadAsync(host, owner)).ShouldBe(1);
        await using var unit = host.Scope(owner);
        (await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().NoticeRecipients.AnyAsync(r => r.MailPending)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_run_that_does_not_write_its_pause_makes_no_notice()
    {
        await using var host = await StartAsync(DatabaseProvider.Sqlite, null);
        var owner = await host.NewCompanyAsync();
        var connectionId = await LinkAsync(host, owner);
        var channelId = await NewChannelAsync(host, owner, connectionId);
        await using (var unit = host.Scope(owner))
        {
            // As a run whose folder changed meanwhile: the problem it found is not written.
            var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
            var channel = await db.CollectionChannels.SingleAsync(c => c.Id == channelId);
            channel.ProblemCode = "source-gone";
            channel.Problem = "gone";
            channel.LastRunAt = host.Time.GetUtcNow();
            db.Entry(channel).Property(nameof(CollectionChannel.ProblemCode)).IsModified = false;
            db.Entry(channel).Property(nameof(CollectionChannel.Problem)).IsModified = false;
            await db.SaveChangesAsync();
        }

        (await host.Get<NotificationWorker>().RunOnceAsync()).ShouldBe(0);
    }

    private Task<TestHost> StartAsync(DatabaseProvider provider, TinySmtpServer? smtp) =>
        TestHost.StartAsync(fixture, provider, configure: services =>
        {
            services.AddSingleton<IDropboxConnector, OverviewQueryTests.UnreachableConnector>();
            if (smtp is not null)
            {
                services.Configure<SmtpOptions>(o =>
                {
                    o.Host = "127.0.0.1";
                    o.Port = smtp.Port;
                    o.Security = "None";
                    o.From = "DocSync <docsync@example.be>";
                    o.PublicUri = new Uri("https://docsync.example.be/");
                });
            }
        });

    private static async Task<CompanyScope> AddPersonAsync(TestHost host, CompanyScope owner, string email, CompanyRole role, string culture)
    {
        await using var unit = host.Scope(owner);
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var person = MembershipService.NewPerson(email, email.Split('@')[0], host.Time.GetUtcNow());
        person.Culture = culture;
        db.Users.Add(person);
        db.Memberships.Add(new Membership { Id = Guid.NewGuid(), CompanyId = owner.CompanyId, PersonId = person.Id, Role = role, CreatedAt = host.Time.GetUtcNow() });
        await db.SaveChangesAsync();
        return new CompanyScope(owner.CompanyId, Actor.Person(person.Id), RoleRights.For(role));
    }

    private static async Task<Guid> LinkAsync(TestHost host, CompanyScope owner)
    {
        await using var unit = host.Scope(owner);
        return (await unit.ServiceProvider.GetRequiredService<ConnectionService>()
            .LinkAsync(new LinkRequest("Accounting", "/DocSync", "dbid:1", "a@example.com", "A", null, false, true, "refresh-secret"))).Id;
    }

    private static async Task RelinkAsync(TestHost host, CompanyScope owner, Guid connectionId)
    {
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await using var unit = host.Scope(owner);
        await unit.ServiceProvider.GetRequiredService<ConnectionService>()
            .LinkAsync(new LinkRequest("Accounting", "/DocSync", "dbid:1", "a@example.com", "A", null, false, true, "refresh-secret-2"));
        (await unit.ServiceProvider.GetRequiredService<ConnectionService>().GetAsync(connectionId)).State.ShouldBe(ConnectionState.Active);
    }

    private static async Task MarkNeedsRelinkAsync(TestHost host, CompanyScope owner, Guid connectionId)
    {
        await using var unit = host.Scope(owner);
        await unit.ServiceProvider.GetRequiredService<ConnectionService>().MarkNeedsRelinkAsync(connectionId, "Dropbox refused DocSync's access.");
    }

    private static async Task<Guid> NewChannelAsync(TestHost host, CompanyScope owner, Guid connectionId)
    {
        await using var unit = host.Scope(owner);
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var now = host.Time.GetUtcNow();
        var channel = new CollectionChannel
        {
            Id = Guid.NewGuid(), ConnectionId = connectionId, Name = "Client drop", SourcePath = "/Drop", DestinationPersonId = owner.Actor.Id,
            Schedule = "0 6 * * *", TimeZone = "Europe/Brussels", Enabled = true, CreatedAt = now, UpdatedAt = now,
        };
        db.CollectionChannels.Add(channel);
        await db.SaveChangesAsync();
        return channel.Id;
    }

    private static async Task PauseChannelAsync(TestHost host, CompanyScope owner, Guid channelId, string code, string problem)
    {
        await using var unit = host.Scope(owner);
        var db = unit.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var channel = await db.CollectionChannels.SingleAsync(c => c.Id == channelId);
        channel.ProblemCode = code;
        channel.Problem = problem;
        await db.SaveChangesAsync();
    }

    private static async Task<int> UnreadAsync(TestHost host, CompanyScope scope)
    {
        await using var unit = host.Scope(scope);
        return await unit.ServiceProvider.GetRequiredService<NotificationCenter>().UnreadAsync();
    }

    private static async Task<List<Notice>> NoticesAsync(TestHost host, CompanyScope scope)
    {
        await using var unit = host.Scope(scope);
        return await unit.ServiceProvider.GetRequiredService<DocSyncDbContext>().Notices.AsNoTracking().OrderBy(n => n.CreatedAt).ToListAsync();
    }
}
