using System.Security.Cryptography;
using System.Text;

namespace DocSync.Dropbox.Emulator.Model;

/// <summary>
/// Everything the emulator knows. All reads and writes happen under <see cref="Gate"/>; the only
/// waits allowed while holding it are none: commits take a store's namespace lock first.
/// </summary>
public sealed class EmulatorState
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private Random _random;
    private long _namespaceCounter = 1_000_000;

    public EmulatorState(EmulatorOptions options)
    {
        Options = options;
        Time = options.TimeProvider;
        _random = new Random(options.Seed);
        Blobs = new BlobStore(options.DataDirectory);
    }

    public Lock Gate { get; } = new();

    public EmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public BlobStore Blobs { get; }

    public Dictionary<string, Store> Stores { get; } = new(StringComparer.Ordinal);

    /// <summary>Namespace id to where it lives: a store and a prefix inside it.</summary>
    public Dictionary<string, NamespaceLocation> Namespaces { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Account> Accounts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Team> Teams { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AppRegistration> Apps { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AccessToken> AccessTokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RefreshGrant> RefreshTokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AuthorizationCode> Codes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, UploadSession> Sessions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SharedLink> SharedLinks { get; } = new(StringComparer.Ordinal);

    /// <summary>Temporary download links: token to (store, rev, expiry).</summary>
    public Dictionary<string, TemporaryLink> TemporaryLinks { get; } = new(StringComparer.Ordinal);

    /// <summary>Results of batch jobs, by async job id.</summary>
    public Dictionary<string, AsyncJob> Jobs { get; } = new(StringComparer.Ordinal);

    /// <summary>Cursor lineages reset one by one through the admin API.</summary>
    public HashSet<string> ResetCursorLineages { get; } = new(StringComparer.Ordinal);

    /// <summary>Seconds a longpoll answer asks the client to back off; null sends none.</summary>
    public int? LongpollBackoffSeconds { get; set; }

    /// <summary>Raised (outside no lock guarantee) with the store whose content changed.</summary>
    public event Action<Store>? StoreChanged;

    /// <summary>Raised after any mutation, for persistence.</summary>
    public event Action? Mutated;

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Now, truncated to whole seconds as Dropbox reports times.</summary>
    public DateTimeOffset NowSeconds
    {
        get
        {
            var now = Now;
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        }
    }

    public void NotifyChanged(Store store)
    {
        StoreChanged?.Invoke(store);
        Mutated?.Invoke();
    }

    public void NotifyMutated() => Mutated?.Invoke();

    public string RandomString(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = IdAlphabet[_random.Next(IdAlphabet.Length)];
        }
        return new string(chars);
    }

    public string NewFileId() => "id:" + RandomString(22);

    public string NewRev(Store store)
    {
        store.RevCounter++;
        return $"{store.RevCounter:x9}{long.Parse(store.NamespaceId, System.Globalization.CultureInfo.InvariantCulture) % 0xFFFFFFF:x7}";
    }

    public string NewSecret(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public string NewNamespaceId() => (++_namespaceCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string DeterministicId(string prefix, string seed, int length)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        var text = Convert.ToBase64String(hash).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        while (text.Length < length)
        {
            text += text;
        }
        return prefix + text[..length];
    }

    public Store CreateStore()
    {
        var id = NewNamespaceId();
        var store = new Store(id);
        Stores.Add(id, store);
        Namespaces.Add(id, new NamespaceLocation(id, "", ""));
        return store;
    }

    /// <summary>Adds a personal account with its own home store.</summary>
    public Account AddAccount(string email, string givenName, string surname, string accountType = "basic")
    {
        var store = CreateStore();
        var account = new Account
        {
            AccountId = DeterministicId("dbid:", email, 35),
            Email = email,
            GivenName = givenName,
            Surname = surname,
            AccountType = accountType,
            HomeNamespaceId = store.NamespaceId,
            QuotaBytes = accountType == "basic" ? Account.BasicQuotaBytes : Account.PaidQuotaBytes,
        };
        Accounts.Add(account.AccountId, account);
        return account;
    }

    public Team AddTeam(string name)
    {
        var store = CreateStore();
        var team = new Team { TeamId = DeterministicId("dbtid:", name, 30), Name = name, RootNamespaceId = store.NamespaceId };
        Teams.Add(team.TeamId, team);
        return team;
    }

    /// <summary>Adds a team member whose home is the folder "/Given Surname" of the team store.</summary>
    public Account AddTeamMember(Team team, string email, string givenName, string surname, bool admin)
    {
        var store = Stores[team.RootNamespaceId];
        var homeNs = NewNamespaceId();
        var display = $"/{givenName} {surname}";
        Namespaces.Add(homeNs, new NamespaceLocation(store.NamespaceId, display.ToLowerInvariant(), display));
        if (store.Get(display.ToLowerInvariant()) is null)
        {
            store.Add(new Node { Id = NewFileId(), IsFolder = true, PathLower = display.ToLowerInvariant(), PathDisplay = display });
        }
        var account = new Account
        {
            AccountId = DeterministicId("dbid:", email, 35),
            Email = email,
            GivenName = givenName,
            Surname = surname,
            AccountType = "business",
            HomeNamespaceId = homeNs,
            TeamId = team.TeamId,
            TeamMemberId = DeterministicId("dbmid:", email, 30),
            IsTeamAdmin = admin,
        };
        Accounts.Add(account.AccountId, account);
        team.MemberAccountIds.Add(account.AccountId);
        return account;
    }

    public AppRegistration AddApp(string key, string secret, string name, bool appFolder)
    {
        var app = new AppRegistration { Key = key, Secret = secret, Name = name, AppFolder = appFolder };
        app.RedirectUris.AddRange(Options.RedirectUris);
        Apps.Add(key, app);
        return app;
    }

    /// <summary>Mints an access token directly (the admin API and tests use this to skip the consent page).</summary>
    public AccessToken MintToken(string appKey, string? accountId, string? teamId, TimeSpan? lifetime, IReadOnlySet<string>? scopes = null, string? refreshToken = null)
    {
        var token = new AccessToken
        {
            Token = NewSecret("sl."),
            AppKey = appKey,
            AccountId = accountId,
            TeamId = teamId,
            Scopes = scopes ?? Scope.All,
            ExpiresAt = lifetime is { } l ? Now + l : null,
            RefreshToken = refreshToken,
        };
        AccessTokens.Add(token.Token, token);
        return token;
    }

    public Team? TeamOf(Account account) => account.TeamId is null ? null : Teams.GetValueOrDefault(account.TeamId);

    /// <summary>The account's home view for an app (an app folder app sees /Apps/&lt;name&gt;).</summary>
    public View HomeView(Account account, AppRegistration app)
    {
        var home = ViewOfNamespace(account.HomeNamespaceId);
        return app.AppFolder ? AppFolderView(home, app) : home;
    }

    /// <summary>The account's root view: the team space for a team member, else home.</summary>
    public View RootView(Account account, AppRegistration app)
    {
        var team = TeamOf(account);
        var root = team is null ? ViewOfNamespace(account.HomeNamespaceId) : ViewOfNamespace(team.RootNamespaceId);
        return app.AppFolder ? AppFolderView(ViewOfNamespace(account.HomeNamespaceId), app) : root;
    }

    public View ViewOfNamespace(string namespaceId)
    {
        var location = Namespaces[namespaceId];
        return new View(Stores[location.StoreNamespaceId], location.PrefixLower, location.PrefixDisplay, namespaceId);
    }

    /// <summary>The namespaces an account may address with ns: paths or Path-Root.</summary>
    public bool CanAccessNamespace(Account account, string namespaceId)
    {
        if (namespaceId == account.HomeNamespaceId)
        {
            return true;
        }
        var team = TeamOf(account);
        if (team is null || !Namespaces.TryGetValue(namespaceId, out var location))
        {
            return false;
        }
        if (namespaceId == team.RootNamespaceId)
        {
            return true;
        }
        // Another member's home is private; any other namespace in the team store is a team folder.
        var isMemberHome = team.MemberAccountIds.Any(id => Accounts[id].HomeNamespaceId == namespaceId);
        return location.StoreNamespaceId == team.RootNamespaceId && !isMemberHome;
    }

    private View AppFolderView(View home, AppRegistration app)
    {
        var appsDisplay = home.PrefixDisplay + "/Apps";
        var folderDisplay = appsDisplay + "/" + app.Name;
        foreach (var display in new[] { appsDisplay, folderDisplay })
        {
            if (home.Store.Get(display.ToLowerInvariant()) is null)
            {
                home.Store.Add(new Node { Id = NewFileId(), IsFolder = true, PathLower = display.ToLowerInvariant(), PathDisplay = display });
            }
        }
        return new View(home.Store, folderDisplay.ToLowerInvariant(), folderDisplay, home.NamespaceId);
    }

    /// <summary>Continues namespace numbering after a restart.</summary>
    public void RestoreNamespaceCounter(long value)
    {
        _namespaceCounter = Math.Max(_namespaceCounter, value);
        // Fresh draws after a restart: the seeded sequence would repeat ids already handed out.
        _random = new Random(HashCode.Combine(Options.Seed, value, Environment.TickCount64));
    }

    /// <summary>Forgets everything (file bytes too unless <paramref name="keepBlobs"/>).</summary>
    public void Reset(bool keepBlobs = false)
    {
        Stores.Clear();
        Namespaces.Clear();
        Accounts.Clear();
        Teams.Clear();
        Apps.Clear();
        AccessTokens.Clear();
        RefreshTokens.Clear();
        Codes.Clear();
        foreach (var session in Sessions.Values)
        {
            session.Dispose();
        }
        Sessions.Clear();
        SharedLinks.Clear();
        TemporaryLinks.Clear();
        Jobs.Clear();
        ResetCursorLineages.Clear();
        LongpollBackoffSeconds = null;
        if (!keepBlobs)
        {
            Blobs.Clear();
        }
        _namespaceCounter = 1_000_000;
        _random = new Random(Options.Seed);
    }
}

/// <summary>Where a namespace lives: a store and a prefix inside it.</summary>
public sealed record NamespaceLocation(string StoreNamespaceId, string PrefixLower, string PrefixDisplay);

/// <summary>A link from get_temporary_link: serves one revision until it expires.</summary>
public sealed record TemporaryLink(string StoreNamespaceId, string Rev, string Name, DateTimeOffset ExpiresAt);

/// <summary>A finished batch job; the answer to its /check route.</summary>
public sealed record AsyncJob(string Kind, System.Text.Json.Nodes.JsonObject Result, DateTimeOffset ReadyAt);
