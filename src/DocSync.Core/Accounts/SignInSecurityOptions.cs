using Microsoft.Extensions.Options;

namespace DocSync.Core.Accounts;

/// <summary>Sign-in protection (OWASP ASVS 5.0, V6), bound from <c>DocSync:SignIn</c> and validated on start.</summary>
public sealed class SignInSecurityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocSync:SignIn";

    /// <summary>Wrong passwords in a row before the account is locked. Default 5.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>The first lockout's length; each next one in a row doubles it. Default 1 minute.</summary>
    public TimeSpan FirstLockout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest lockout (a lockout never lasts for good). Default 1 hour.</summary>
    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Sign-in attempts one client address may make per minute (all accounts together). Default 20.</summary>
    public int PerAddressPerMinute { get; set; } = 20;

    /// <summary>Sign-in attempts per account (known or not) in <see cref="AccountWindow"/>. Default 10.</summary>
    public int PerAccountPerWindow { get; set; } = 10;

    /// <summary>The window of <see cref="PerAccountPerWindow"/>. Default 15 minutes.</summary>
    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Shortest password. Default 12 (never below 12).</summary>
    public int MinPasswordLength { get; set; } = 12;
}

/// <summary>Checks <see cref="SignInSecurityOptions"/>; an error names the setting.</summary>
internal sealed class SignInSecurityOptionsValidator : IValidateOptions<SignInSecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SignInSecurityOptions o)
    {
        var errors = new List<string>();
        if (o.MaxFailedAttempts is < 1 or > 100)
        {
            errors.Add($"{SignInSecurityOptions.Section}:MaxFailedAttempts must be 1 to 100.");
        }

        if (o.FirstLockout <= TimeSpan.Zero || o.MaxLockout < o.FirstLockout || o.MaxLockout > TimeSpan.FromDays(1))
        {
            errors.Add($"{SignInSecurityOptions.Section}:FirstLockout must be positive and MaxLockout between it and one day.");
        }

        if (o.PerAddressPerMinute < 1 || o.PerAccountPerWindow < 1)
        {
            errors.Add($"{SignInSecurityOptions.Section}:PerAddressPerMinute and PerAccountPerWindow must be at least 1.");
        }

        if (o.AccountWindow < TimeSpan.FromSeconds(1) || o.AccountWindow > TimeSpan.FromDays(1))
        {
            errors.Add($"{SignInSecurityOptions.Section}:AccountWindow must be between 00:00:01 and 1.00:00:00.");
        }

        if (o.MinPasswordLength is < 12 or > 128)
        {
            errors.Add($"{SignInSecurityOptions.Section}:MinPasswordLength must be 12 to 128.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
