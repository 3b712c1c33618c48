using DocSync.Core.Sync;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Collect;

/// <summary>Checks <see cref="CollectOptions"/> on start, naming the setting at fault.</summary>
internal sealed class CollectOptionsValidator : IValidateOptions<CollectOptions>
{
    public ValidateOptionsResult Validate(string? name, CollectOptions options)
    {
        const string section = CollectOptions.Section;
        var failures = new List<string>();
        OptionChecks.Positive(failures, section + ":PollInterval", options.PollInterval);
        if (options.StableAge < TimeSpan.Zero)
        {
            failures.Add($"{section}:StableAge must not be negative (it is {options.StableAge}).");
        }
        OptionChecks.Positive(failures, section + ":RecheckDelay", options.RecheckDelay);
        OptionChecks.Positive(failures, section + ":MaxFileSize", options.MaxFileSize);
        OptionChecks.Positive(failures, section + ":MaxZipEntries", options.MaxZipEntries);
        OptionChecks.Positive(failures, section + ":MaxZipBytes", options.MaxZipBytes);
        OptionChecks.Positive(failures, section + ":MaxZipRatio", options.MaxZipRatio);
        OptionChecks.Between(failures, section + ":LongpollTimeout", options.LongpollTimeout, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(480));
        if (TimeZoneInfo.TryFindSystemTimeZoneById(options.DefaultTimeZone ?? "", out _) is false)
        {
            failures.Add($"{section}:DefaultTimeZone '{options.DefaultTimeZone}' is not a known time zone (e.g. Europe/Brussels).");
        }
        OptionChecks.Positive(failures, section + ":HistoryRetention", options.HistoryRetention);
        OptionChecks.Retries(failures, section, options.FirstRetryDelay, options.MaxRetryDelay);
        OptionChecks.Lease(failures, section, options.LeaseDuration, options.InstanceId);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
