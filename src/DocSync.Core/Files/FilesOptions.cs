using Microsoft.Extensions.Options;

namespace DocSync.Core.Files;

/// <summary>Files settings, bound from <c>DocSync:Files</c> and validated at start.</summary>
public sealed class FilesOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocSync:Files";

    /// <summary>How long deleted files and folders stay in the trash before the sweep purges them. Default 30 days; 1 hour to 3,650 days.</summary>
    public TimeSpan TrashRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often this instance purges the trash; <see cref="TimeSpan.Zero"/>: not in this instance. Default 1 hour; else 1 minute to 1 day.</summary>
    public TimeSpan TrashSweepInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Checks <see cref="FilesOptions"/> at start, naming the setting at fault.</summary>
internal sealed class FilesOptionsValidator : IValidateOptions<FilesOptions>
{
    public ValidateOptionsResult Validate(string? name, FilesOptions options)
    {
        var failures = new List<string>();
        if (options.TrashRetention < TimeSpan.FromHours(1) || options.TrashRetention > TimeSpan.FromDays(3650))
        {
            failures.Add($"{FilesOptions.Section}:TrashRetention must be between 01:00:00 and 3650.00:00:00.");
        }

        if (options.TrashSweepInterval != TimeSpan.Zero && (options.TrashSweepInterval < TimeSpan.FromMinutes(1) || options.TrashSweepInterval > TimeSpan.FromDays(1)))
        {
            failures.Add($"{FilesOptions.Section}:TrashSweepInterval must be 00:00:00 (off) or between 00:01:00 and 1.00:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
