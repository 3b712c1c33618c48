using DocSync.Core.Sync;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Export;

/// <summary>Checks <see cref="ExportOptions"/> on start, naming the setting at fault.</summary>
internal sealed class ExportOptionsValidator : IValidateOptions<ExportOptions>
{
    public ValidateOptionsResult Validate(string? name, ExportOptions options)
    {
        const string section = ExportOptions.Section;
        var failures = new List<string>();
        if (options.BatchSize is < 1 or > 5000)
        {
            failures.Add($"{section}:BatchSize must be between 1 and 5000 (it is {options.BatchSize}).");
        }
        OptionChecks.Positive(failures, section + ":MaxAttempts", options.MaxAttempts);
        OptionChecks.Retries(failures, section, options.FirstRetryDelay, options.MaxRetryDelay);
        OptionChecks.Positive(failures, section + ":QuotaRetryDelay", options.QuotaRetryDelay);
        OptionChecks.Positive(failures, section + ":PollInterval", options.PollInterval);
        OptionChecks.Lease(failures, section, options.LeaseDuration, options.InstanceId);
        if (options.CheckInterval < TimeSpan.Zero || (options.CheckInterval > TimeSpan.Zero && options.CheckInterval < TimeSpan.FromSeconds(10)))
        {
            failures.Add($"{section}:CheckInterval must be zero (webhooks only) or at least 10 seconds (it is {options.CheckInterval}).");
        }
        if (options.AskBeforePuttingBack < 0)
        {
            failures.Add($"{section}:AskBeforePuttingBack must be zero or more (it is {options.AskBeforePuttingBack}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
