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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
