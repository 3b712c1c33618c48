using Microsoft.Extensions.Options;

namespace DocSync.Core.Persistence;

/// <summary>Checks <see cref="DatabaseOptions"/> on start, naming the setting at fault.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"{DatabaseOptions.Section}:Provider must be Sqlite or PostgreSql.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{DatabaseOptions.Section}:ConnectionString is required.");
        }
        else
        {
            try
            {
                _ = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = options.ConnectionString };
            }
            catch (ArgumentException e)
            {
                failures.Add($"{DatabaseOptions.Section}:ConnectionString is malformed: {e.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
