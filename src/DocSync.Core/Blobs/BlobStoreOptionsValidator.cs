using Microsoft.Extensions.Options;

namespace DocSync.Core.Blobs;

/// <summary>Checks <see cref="BlobStoreOptions"/> on start, naming the setting at fault.</summary>
internal sealed class BlobStoreOptionsValidator : IValidateOptions<BlobStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, BlobStoreOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.RootPath))
        {
            failures.Add($"{BlobStoreOptions.Section}:RootPath is required.");
        }

        if (options.MaxBlobBytes is < 1 or > 4L * 1024 * 1024 * 1024)
        {
            failures.Add($"{BlobStoreOptions.Section}:MaxBlobBytes must be between 1 and 4294967296 bytes.");
        }

        if (options.GracePeriod < TimeSpan.FromMinutes(10) || options.GracePeriod > TimeSpan.FromDays(365))
        {
            failures.Add($"{BlobStoreOptions.Section}:GracePeriod must be between 00:10:00 and 365.00:00:00.");
        }

        if (options.SweepInterval != TimeSpan.Zero && (options.SweepInterval < TimeSpan.FromMinutes(1) || options.SweepInterval > TimeSpan.FromDays(7)))
        {
            failures.Add($"{BlobStoreOptions.Section}:SweepInterval must be 00:00:00 (off) or between 00:01:00 and 7.00:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
