using DocSync.Core.Access;
using DocSync.Core.ApiKeys;
using DocSync.Core.Auditing;
using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Errors;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using DocSync.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Core.Tests.Auditing;

[Collection(DatabaseCollection.Name)]
public sealed class AuditLogServiceTests(DatabaseFixture fixture)
{
    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListAsync_ChangesByPersonApiKeyAndSystem_NamesEachActor(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        Guid elsId, keyId, binderId, documentId, folderId;
        elsId = await host.AddMemberAsync(owner, "els@example.be", "Els Peeters", CompanyRole.Accountant);
        await using (var unit = host.Scope(owner))
        {
            keyId = (await unit.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("onFact production", ApiKeyAccess.ReadWrite)).Id;
        }

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await using (var asEls = host.Scope(new CompanyScope(owner.CompanyId, Actor.Person(elsId), RoleRights.For(CompanyRole.Accountant))))
        {
            binderId = (await asEls.ServiceProvider.GetRequiredService<BinderService>().CreateAsync("Purchases")).Id;
        }

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await using (var asKey = host.Scope(new CompanyScope(owner.CompanyId, Actor.ApiKey(keyId), new HashSet<Right> { Right.ViewDocuments, Right.EditDocuments })))
        {
            documentId = (await asKey.ServiceProvider.GetRequiredService<DocumentService>().CreateAsync(new CreateDocumentRequest { Content = SampleDocuments.Invoice() })).Document.Id;
        }

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await using (var asSystem = host.Scope(CompanyScope.System(owner.CompanyId)))
        {
            folderId = (await asSystem.ServiceProvider.GetRequiredService<FolderService>().CreateFolderAsync(null, "Mirror")).Id;
        }

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await using (var unit = host.Scope(owner))
        {
            await unit.ServiceProvider.GetRequiredService<BinderService>().RenameAsync(binderId, "Purchases 2025");
        }

        await using var reader = host.Scope(owner);
        var audit = reader.ServiceProvider.GetRequiredService<AuditLogService>();

        var binder = (await audit.ListAsync(new AuditQuery { EntityType = nameof(Binder), EntityId = binderId.ToString() })).Items;
        var document = (await audit.ListAsync(new AuditQuery { EntityType = nameof(Document) })).Items.ShouldHaveSingleItem();
        var folder = (await audit.ListAsync(new AuditQuery { EntityId = folderId.ToString() })).Items.ShouldHaveSingleItem();
        var byEls = await audit.ListAsync(new AuditQuery { ActorId = elsId });

        binder.Select(e => (e.Action, e.ActorName, e.ActorKind)).ShouldBe([("Modified", "Owner", ActorKind.Person), ("Added", "Els Peeters", ActorKind.Person)]);
        binder[0].ChangedProperties.ShouldBe(["Name"]);
        binder[1].ChangedProperties.ShouldBeEmpty();
        (document.EntityId, document.ActorKind, document.ActorId, document.ActorName).ShouldBe((documentId.ToString(), ActorKind.ApiKey, keyId, "onFact production"));
        (folder.EntityType, folder.ActorKind, folder.ActorName).ShouldBe((nameof(Folder), ActorKind.System, AuditLogService.SystemActorName));
        // Els joined by accepting her invitation (her own act), then made the binder.
        byEls.Items.Select(e => e.EntityType).ShouldBe([nameof(Binder), nameof(Membership)]);
        byEls.Items[0].OccurredAt.ShouldBe(new DateTimeOffset(2025, 6, 16, 9, 1, 0, TimeSpan.Zero));
        // Each entry names its subject as it is called now.
        binder.ShouldAllBe(e => e.Subject == "Purchases 2025");
        document.Subject.ShouldBe(SampleDocuments.Invoice().Number);
        folder.Subject.ShouldBe("Mirror");
        byEls.Items[1].Subject.ShouldBe("Els Peeters");
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListAsync_names_only_what_still_exists_in_this_company(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        var other = await host.NewCompanyAsync();
        Guid gone;
        await using (var unit = host.Scope(owner))
        {
            var binders = unit.ServiceProvider.GetRequiredService<BinderService>();
            gone = (await binders.CreateAsync("Temporary")).Id;
            host.Time.Advance(TimeSpan.FromMinutes(1));
            await binders.DeleteAsync(gone);
        }
        await using (var unit = host.Scope(other))
        {
            await unit.ServiceProvider.GetRequiredService<BinderService>().CreateAsync("Other company's secret binder");
        }

        await using var reader = host.Scope(owner);
        var entries = (await reader.ServiceProvider.GetRequiredService<AuditLogService>().ListAsync(new AuditQuery { EntityType = nameof(Binder) })).Items;

        entries.Select(e => e.Action).ShouldBe(["Deleted", "Added"]);
        entries.ShouldAllBe(e => e.Subject == null);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListAsync_ManyChanges_PagesNewestFirstWithinPeriod(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        await using var unit = host.Scope(await host.NewCompanyAsync());
        var binders = unit.ServiceProvider.GetRequiredService<BinderService>();
        var start = host.Time.GetUtcNow();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            host.Time.Advance(TimeSpan.FromMinutes(10));
            ids.Add((await binders.CreateAsync($"Binder {i}")).Id.ToString());
        }

        var audit = unit.ServiceProvider.GetRequiredService<AuditLogService>();
        var query = new AuditQuery { EntityType = nameof(Binder), PageSize = 2 };

        var pages = new List<PagedResult<AuditEntryInfo>>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await audit.ListAsync(query with { Page = page }));
        }

        var window = await audit.ListAsync(new AuditQuery { From = start.AddMinutes(20), To = start.AddMinutes(40), PageSize = 200 });
        var brussels = await audit.ListAsync(new AuditQuery { From = start.AddMinutes(20).ToOffset(TimeSpan.FromHours(2)), EntityType = nameof(Binder) });

        pages.ShouldAllBe(p => p.TotalCount == 5);
        pages.SelectMany(p => p.Items).Select(e => e.EntityId).ShouldBe(Enumerable.Reverse(ids));
        pages.Select(p => p.Items.Count).ShouldBe([2, 2, 1]);
        window.Items.Select(e => e.EntityId).ShouldBe([ids[2], ids[1]]);
        brussels.TotalCount.ShouldBe(4);
        (await audit.ListAsync(query with { Page = 4 })).Items.ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListAsync_BadQueryOrMissingRight_IsRefused(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var owner = await host.NewCompanyAsync();
        await using var unit = host.Scope(owner);
        var audit = unit.ServiceProvider.GetRequiredService<AuditLogService>();

        (await Should.ThrowAsync<ValidationFailedException>(() => audit.ListAsync(new AuditQuery { PageSize = 201 }))).Errors.ShouldHaveSingleItem().Field.ShouldBe("pageSize");
        (await Should.ThrowAsync<ValidationFailedException>(() => audit.ListAsync(new AuditQuery { Page = 0 }))).Errors.ShouldHaveSingleItem().Field.ShouldBe("page");
        var now = host.Time.GetUtcNow();
        (await Should.ThrowAsync<ValidationFailedException>(() => audit.ListAsync(new AuditQuery { From = now, To = now.AddDays(-1) }))).Errors.ShouldHaveSingleItem().Field.ShouldBe("to");

        await using var member = host.Scope(owner with { Rights = RoleRights.For(CompanyRole.Member) });
        (await Should.ThrowAsync<AccessDeniedException>(() => member.ServiceProvider.GetRequiredService<AuditLogService>().ListAsync(new AuditQuery())))
            .Right.ShouldBe(Right.ViewAudit);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListAsync_AnotherCompanysChanges_AreNeverShown(DatabaseProvider provider)
    {
        await using var host = await TestHost.StartAsync(fixture, provider);
        var a = await host.NewCompanyAsync("A BV", "a@example.be");
        var b = await host.NewCompanyAsync("B BV", "b@example.be");
        var bBinder = await host.NewBinderAsync(b, "B's binder");

        await using var unitA = host.Scope(a);
        var audit = unitA.ServiceProvider.GetRequiredService<AuditLogService>();

        (await audit.ListAsync(new AuditQuery { EntityId = bBinder.ToString() })).TotalCount.ShouldBe(0);
        (await audit.ListAsync(new AuditQuery { ActorId = b.Actor.Id })).TotalCount.ShouldBe(0);
        var all = await audit.ListAsync(new AuditQuery { PageSize = 200 });
        all.Items.ShouldNotBeEmpty();
        all.Items.ShouldAllBe(e => e.EntityType == "Company" || e.EntityType == "Membership");
        all.Items.ShouldAllBe(e => e.EntityId != b.CompanyId.ToString());
    }
}
