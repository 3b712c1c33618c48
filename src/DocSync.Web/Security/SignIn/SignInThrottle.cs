using System.Threading.RateLimiting;
using DocSync.Core.Accounts;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Security.SignIn;

/// <summary>
/// Rate limits on sign-in and on other password forms (ASP.NET Core's rate limiters): per client
/// address (all accounts together) and per account (by the address typed, known or not, so an
/// unknown address behaves like a known one). A refusal carries how long to wait.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly PartitionedRateLimiter<string> _perAccount;

    /// <summary>Builds the limiters from <see cref="SignInSecurityOptions"/>.</summary>
    /// <param name="options">The sign-in settings.</param>
    public SignInThrottle(IOptions<SignInSecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _perAddress = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetSlidingWindowLimiter(address, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = o.PerAddressPerMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0, AutoReplenishment = true,
        }));
        _perAccount = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetSlidingWindowLimiter(account, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = o.PerAccountPerWindow, Window = o.AccountWindow, SegmentsPerWindow = 5, QueueLimit = 0, AutoReplenishment = true,
        }));
        AccountWindow = o.AccountWindow;
    }

    private TimeSpan AccountWindow { get; }

    /// <summary>Takes one attempt for <paramref name="clientAddress"/> and, when given, <paramref name="account"/>; on refusal says which and how long to wait.</summary>
    /// <param name="clientAddress">The client's address.</param>
    /// <param name="account">The e-mail typed (any case), or <see langword="null"/> for forms without one.</param>
    public ThrottleDecision Attempt(string clientAddress, string? account)
    {
        using var byAddress = _perAddress.AttemptAcquire(clientAddress ?? "-");
        if (!byAddress.IsAcquired)
        {
            return new ThrottleDecision(false, "address", RetryAfter(byAddress, TimeSpan.FromSeconds(10)));
        }

        if (account is not null)
        {
            using var byAccount = _perAccount.AttemptAcquire(account.Trim().ToUpperInvariant());
            if (!byAccount.IsAcquired)
            {
                return new ThrottleDecision(false, "account", RetryAfter(byAccount, AccountWindow / 5));
            }
        }

        return new ThrottleDecision(true, "", TimeSpan.Zero);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _perAddress.Dispose();
        _perAccount.Dispose();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease, TimeSpan fallback) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) && retry > TimeSpan.Zero ? retry : fallback;
}

/// <summary>Whether an attempt may go ahead.</summary>
/// <param name="Allowed">It may.</param>
/// <param name="Scope"><c>address</c> or <c>account</c> when refused.</param>
/// <param name="RetryAfter">How long to wait when refused.</param>
public sealed record ThrottleDecision(bool Allowed, string Scope, TimeSpan RetryAfter)
{
    /// <summary>Answers 429 with <c>Retry-After</c> (whole seconds, at least 1).</summary>
    /// <param name="response">The response.</param>
    public void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The wait in whole seconds, at least 1.</summary>
    public int Seconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}
