namespace DocSync.Core.Sync;

/// <summary>The checks every engine's settings share; each names the setting at fault.</summary>
internal static class OptionChecks
{
    public static void Positive(List<string> failures, string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{setting} must be more than zero (it is {value}).");
        }
    }

    public static void Positive(List<string> failures, string setting, long value)
    {
        if (value <= 0)
        {
            failures.Add($"{setting} must be more than zero (it is {value}).");
        }
    }

    public static void Between(List<string> failures, string setting, TimeSpan value, TimeSpan low, TimeSpan high)
    {
        if (value < low || value > high)
        {
            failures.Add($"{setting} must be between {low} and {high} (it is {value}).");
        }
    }

    public static void Retries(List<string> failures, string section, TimeSpan first, TimeSpan max)
    {
        Positive(failures, section + ":FirstRetryDelay", first);
        if (max < first)
        {
            failures.Add($"{section}:MaxRetryDelay ({max}) must not be shorter than {section}:FirstRetryDelay ({first}).");
        }
    }

    public static void Lease(List<string> failures, string section, TimeSpan lease, string? instanceId)
    {
        if (lease < TimeSpan.FromSeconds(3))
        {
            failures.Add($"{section}:LeaseDuration must be at least 3 seconds (it is {lease}): it is renewed every third of it.");
        }
        if (instanceId is { Length: > 100 })
        {
            failures.Add($"{section}:InstanceId must be at most 100 characters.");
        }
    }
}
