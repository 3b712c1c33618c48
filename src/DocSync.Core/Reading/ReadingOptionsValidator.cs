using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Reading;

/// <summary>Checks <see cref="ReadingOptions"/> on start, naming the setting at fault.</summary>
internal sealed partial class ReadingOptionsValidator : IValidateOptions<ReadingOptions>
{
    public ValidateOptionsResult Validate(string? name, ReadingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (setting, value) in new[]
        {
            (nameof(options.TesseractPath), options.TesseractPath),
            (nameof(options.PdftoppmPath), options.PdftoppmPath),
            (nameof(options.HeifConvertPath), options.HeifConvertPath),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{ReadingOptions.Section}:{setting} is required.");
            }
        }

        if (options.Languages is null || !LanguageList().IsMatch(options.Languages))
        {
            failures.Add($"{ReadingOptions.Section}:Languages must be tesseract language codes joined by '+', e.g. eng+fra+nld.");
        }

        if (options.Dpi is < 72 or > 1200)
        {
            failures.Add($"{ReadingOptions.Section}:Dpi must be between 72 and 1200.");
        }

        if (options.MaxPages is < 1 or > 1000)
        {
            failures.Add($"{ReadingOptions.Section}:MaxPages must be between 1 and 1000.");
        }

        if (options.Timeout < TimeSpan.FromMilliseconds(1) || options.Timeout > TimeSpan.FromHours(1))
        {
            failures.Add($"{ReadingOptions.Section}:Timeout must be between 00:00:00.001 and 01:00:00.");
        }

        if (options.MaxConcurrency is < 1 or > 64)
        {
            failures.Add($"{ReadingOptions.Section}:MaxConcurrency must be between 1 and 64.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9_]+(\\+[A-Za-z0-9_]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageList();
}
