using DocSync.Core;
using DocSync.Core.Access;
using DocSync.Core.ApiKeys;
using DocSync.Core.Auditing;
using DocSync.Core.Collect;
using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Web.Tests.Infrastructure;

/// <summary>Puts things in a tenant's company and reads them back through the services (for what the API does not show).</summary>
public static class TenantSeeds
{
    /// <summary>Creates a person with <see cref="TestTenant.Password"/> and makes them a member with <paramref name="role"/>; returns their e-mail.</summary>
    public static async Task<string> AddPersonAsync(this TestTenant tenant, string displayName, CompanyRole role)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}@example.com";
        await tenant.App.CreatePersonAsync(email, displayName);
        await tenant.App.AddMemberAsync(tenant.CompanyId, email, displayName, role);
        return email;
    }

    /// <summary>Invites <paramref name="email"/> as a member (an open invitation); returns the invitation's id.</summary>
    public static async Task<Guid> InviteAsync(this TestTenant tenant, string email, string displayName)
    {
        await using var scope = tenant.EnterCompany();
        return (await scope.ServiceProvider.GetRequiredService<DocSync.Core.Invitations.InvitationService>().InviteAsync(email, displayName, CompanyRole.Member)).InvitationId;
    }

    /// <summary>The company's open invitations.</summary>
    public static async Task<IReadOnlyList<DocSync.Core.Invitations.InvitationInfo>> InvitationsAsync(this TestTenant tenant)
    {
        await using var scope = tenant.EnterCompany();
        return await scope.ServiceProvider.GetRequiredService<DocSync.Core.Invitations.InvitationService>().ListOpenAsync();
    }

    /// <summary>Puts a file in the company's inbox as an upload; returns the item's id.</summary>
    public static async Task<Guid> ReceiveInboxItemAsync(this TestTenant tenant, string fileName, string contentType, byte[] bytes)
    {
        await using var scope = tenant.EnterCompany();
        using var content = new MemoryStream(bytes);
        var receipt = await scope.ServiceProvider.GetRequiredService<InboxService>().ReceiveAsync(InboxSource.Upload, null, fileName, contentType, content);
        return receipt.Item.Id;
    }

    /// <summary>Stores a linked Dropbox connection as an OAuth round trip would (account, refresh token); returns its id.</summary>
    public static async Task<Guid> LinkDropboxAsync(this TestTenant tenant, string name, string accountName, string accountEmail)
    {
        await using var scope = tenant.EnterCompany();
        var request = new LinkRequest(name, "/DocSync", $"dbid:{Guid.NewGuid():N}", accountEmail, accountName, null, AppFolder: false, Emulated: false, $"refresh-{Guid.NewGuid():N}");
        return (await scope.ServiceProvider.GetRequiredService<ConnectionService>().LinkAsync(request)).Id;
    }

    /// <summary>Adds an export profile (invoices, by year then type) to a connection; returns its id.</summary>
    public static async Task<Guid> CreateExportProfileAsync(this TestTenant tenant, Guid connectionId, string name = "Sales")
    {
        await using var scope = tenant.EnterCompany();
        var profile = await scope.ServiceProvider.GetRequiredService<DocSync.Core.Export.ExportService>().CreateProfileAsync(connectionId, new DocSync.Core.Export.ExportProfileInput
        {
            Name = name,
            DocumentTypes = [DocSync.Core.Documents.DocumentType.Invoice],
            PathTemplate = DocSync.Core.Export.Paths.ExportPathPresets.ByYearThenType,
        });
        return profile.Profile.Id;
    }

    /// <summary>Creates a collection channel (daily at 06:00, not in near real time, for the owner) on a connection; returns its id.</summary>
    public static async Task<Guid> CreateChannelAsync(this TestTenant tenant, Guid connectionId, Guid binderId, string name, string sourcePath = "/Drop")
    {
        await using var scope = tenant.EnterCompany();
        var channel = await scope.ServiceProvider.GetRequiredService<CollectService>().CreateAsync(new CollectionChannelInput
        {
            Name = name,
            ConnectionId = connectionId,
            SourcePath = sourcePath,
            DestinationPersonId = tenant.OwnerId,
            BinderId = binderId,
            NearRealTime = false,
        });
        return channel.Id;
    }

    /// <summary>Stores a finished manual run of a channel that collected one file into an inbox item, as the worker records one; returns its id.</summary>
    public static async Task<Guid> SeedCollectionRunAsync(this TestTenant tenant, Guid channelId, string path, Guid inboxItemId)
    {
        await using var scope = tenant.EnterCompany();
        var db = scope.ServiceProvider.GetRequiredService<DocSyncDbContext>();
        var started = DateTimeOffset.UtcNow.AddMinutes(-5);
        var run = new CollectionRun
        {
            Id = Guid.CreateVersion7(started),
            CompanyId = tenant.CompanyId,
            ChannelId = channelId,
            Trigger = CollectTrigger.Manual,
            StartedBy = tenant.OwnerId,
            StartedAt = started,
            EndedAt = started.AddSeconds(3),
            Outcome = CollectRunOutcome.Completed,
            Seen = 1,
            Collected = 1,
        };
        db.CollectionRuns.Add(run);
        db.CollectionRunFiles.Add(new CollectionRunFile
        {
            CompanyId = tenant.CompanyId,
            RunId = run.Id,
            Path = path,
            DropboxFileId = "id:seeded" + Guid.NewGuid().ToString("N")[..8],
            Size = 1234,
            Result = CollectFileResult.Collected,
            InboxItemId = inboxItemId,
            Items = 1,
            DownloadMs = 12,
            ReadMs = 340,
            StoreMs = 8,
            At = started.AddSeconds(2),
        });
        await db.SaveChangesAsync();
        return run.Id;
    }

    /// <summary>Every collection channel of the company and its runs, as lines to compare.</summary>
    public static async Task<IReadOnlyList<string>> CollectionStateAsync(this TestTenant tenant)
    {
        await using var scope = tenant.EnterCompany();
        var collect = scope.ServiceProvider.GetRequiredService<CollectService>();
        var runs = await collect.ListRunsAsync(new CollectionRunQuery { PageSize = CollectionRunQuery.MaxPageSize });
        return
        [
            .. (await collect.ListAsync()).Select(c =>
                $"channel {c.Id} {c.Name} {c.ConnectionId} {c.SourcePath} {c.DestinationPersonId} {c.BinderId} {c.Schedule} {c.Enabled} {c.Problem} {c.Collected}"),
            .. runs.Items.Select(r => $"run {r.Id} {r.ChannelId} {r.Outcome} {r.Seen} {r.Collected}"),
        ];
    }

    /// <summary>Every export profile and queue of the company, as lines to compare.</summary>
    public static async Task<IReadOnlyList<string>> ExportStateAsync(this TestTenant tenant)
    {
        await using var scope = tenant.EnterCompany();
        var export = scope.ServiceProvider.GetRequiredService<DocSync.Core.Export.ExportService>();
        var lines = new List<string>();
        foreach (var connection in await scope.ServiceProvider.GetRequiredService<ConnectionService>().ListAsync())
        {
            var status = await export.StatusAsync(connection.Id);
            lines.Add($"queue {connection.Id} {status.Queued} dead {status.Dead} next {status.NextAttemptAt:O}");
            lines.AddRange((await export.ListProfilesAsync(connection.Id)).Select(p =>
                $"profile {p.Profile.Id} {p.Profile.Name} {p.Profile.PathTemplate} {p.Profile.DocumentTypes} {p.Profile.Enabled} {p.Profile.UpdatedAt:O}"));
        }
        return lines;
    }

    /// <summary>The company's Dropbox connections.</summary>
    public static async Task<IReadOnlyList<DropboxConnectionInfo>> ConnectionsAsync(this TestTenant tenant)
    {
        await using var scope = tenant.EnterCompany();
        return await scope.ServiceProvider.GetRequiredService<ConnectionService>().ListAsync();
    }

    /// <summary>Every inbox item of the company, whatever its status.</summary>
    public static async Task<IReadOnlyList<InboxItemInfo>> InboxItemsAsync(this TestTenant tenant)
    {
        await using var scope = tenant.EnterCompany();
        var inbox = scope.ServiceProvider.GetRequiredService<InboxService>();
        var items = new List<InboxItemInfo>();
        foreach (var status in Enum.GetValues<InboxItemStatus>())
        {
            items.AddRange((await inbox.ListAsync(new InboxQuery { Status = status, PageSize = InboxQuery.MaxPageSize })).Items);
        }

        return items;
    }

    /// <summary>The company's members.</summary>
    public static async Task<IReadOnlyList<MemberInfo>> MembersAsync(this TestTenant tenant)
    {
        await using var scope = tenant.EnterCompany();
        return await scope.ServiceProvider.GetRequiredService<MembershipService>().ListAsync();
    }

    /// <summary>The company's API keys.</summary>
    public static async Task<IReadOnlyList<ApiKeyInfo>> ApiKeysAsync(this TestTenant tenant)
    {
        await using var scope = tenant.EnterCompany();
        return await scope.ServiceProvider.GetRequiredService<ApiKeyService>().ListAsync();
    }

    /// <summary>How many changes the company's audit log holds: any saved change in the company adds to it.</summary>
    public static async Task<int> AuditCountAsync(this TestTenant tenant)
    {
        await using var scope = tenant.EnterCompany();
        PagedResult<AuditEntryInfo> page = await scope.ServiceProvider.GetRequiredService<AuditLogService>().ListAsync(new AuditQuery { PageSize = 1 });
        return page.TotalCount;
    }

    private static AsyncServiceScope EnterCompany(this TestTenant tenant)
    {
        var scope = tenant.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(new CompanyScope(tenant.CompanyId, Actor.Person(tenant.OwnerId), RoleRights.All));
        return scope;
    }
}
