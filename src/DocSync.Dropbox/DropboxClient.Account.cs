using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using DocSync.Dropbox.Http;

namespace DocSync.Dropbox;

public sealed partial class DropboxClient
{
    private sealed record EchoResult(string Result);

    /// <summary><c>users/get_current_account</c>: the linked account (or the selected team member).</summary>
    public Task<FullAccount> GetCurrentAccountAsync(CancellationToken cancellationToken = default) =>
        _transport.RpcAsync<FullAccount>("users/get_current_account", null, cancellationToken);

    /// <summary><c>users/get_space_usage</c>: storage used and allocated.</summary>
    public Task<SpaceUsage> GetSpaceUsageAsync(CancellationToken cancellationToken = default) =>
        _transport.RpcAsync<SpaceUsage>("users/get_space_usage", null, cancellationToken);

    /// <summary><c>users/get_account</c>: another account by id.</summary>
    public Task<BasicAccount> GetAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        return _transport.RpcAsync<BasicAccount>("users/get_account", new JsonObject { ["account_id"] = accountId }, cancellationToken);
    }

    /// <summary><c>check/user</c>: echoes <paramref name="query"/> if the user token works.</summary>
    public async Task<string> CheckUserAsync(string query = "", CancellationToken cancellationToken = default) =>
        (await _transport.RpcAsync<EchoResult>("check/user", new JsonObject { ["query"] = query }, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary><c>check/app</c>: echoes <paramref name="query"/> if the app key and secret work.</summary>
    public async Task<string> CheckAppAsync(string query = "", CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(_transport.Options.AppKey) || string.IsNullOrEmpty(_transport.Options.AppSecret))
        {
            throw new InvalidOperationException("check/app needs DropboxClientOptions.AppKey and AppSecret.");
        }
        return (await _transport.RpcAsync<EchoResult>("check/app", new JsonObject { ["query"] = query }, cancellationToken, auth: RouteAuth.App)
            .ConfigureAwait(false)).Result;
    }

    /// <summary><c>auth/token/revoke</c>: disables this access token, its refresh token and its siblings.</summary>
    public Task RevokeTokenAsync(CancellationToken cancellationToken = default) =>
        _transport.RpcRawAsync("auth/token/revoke", null, cancellationToken);

    /// <summary><c>team/members/list_v2</c>: the first page of members (team token).</summary>
    public Task<TeamMembersPage> ListTeamMembersAsync(int? limit = null, bool includeRemoved = false, CancellationToken cancellationToken = default)
    {
        var arg = new JsonObject { ["include_removed"] = includeRemoved };
        if (limit is { } l)
        {
            arg["limit"] = l is >= 1 and <= 1000 ? l : throw new ArgumentOutOfRangeException(nameof(limit), l, "limit must be between 1 and 1000.");
        }
        return _transport.RpcAsync<TeamMembersPage>("team/members/list_v2", arg, cancellationToken);
    }

    /// <summary><c>team/members/list/continue_v2</c>: the next page.</summary>
    public Task<TeamMembersPage> ListTeamMembersContinueAsync(string cursor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cursor);
        return _transport.RpcAsync<TeamMembersPage>("team/members/list/continue_v2", new JsonObject { ["cursor"] = cursor }, cancellationToken);
    }

    /// <summary>Every team member, following <c>has_more</c> to the end (or throwing).</summary>
    public async IAsyncEnumerable<TeamMember> ListAllTeamMembersAsync(int? pageSize = null, bool includeRemoved = false,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var page = await ListTeamMembersAsync(pageSize, includeRemoved, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            foreach (var member in page.Members)
            {
                yield return member;
            }
            if (!page.HasMore)
            {
                yield break;
            }
            page = await ListTeamMembersContinueAsync(page.Cursor, cancellationToken).ConfigureAwait(false);
        }
    }
}
