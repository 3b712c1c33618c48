using Microsoft.Extensions.Options;

namespace DocSync.Core.Notifications;

/// <summary>How notices are handed out and e-mailed (<c>DocSync:Notifications</c>).</summary>
public sealed class NotificationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocSync:Notifications";

    /// <summary>Whether this instance runs the notification worker. Default on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for new events and mail due. Default 5 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often dead letters and Dropbox space are looked at. Default 1 h.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The hour (0–23, in <see cref="TimeZone"/>) daily digests go out. Default 7.</summary>
    public int DigestHour { get; set; } = 7;

    /// <summary>The IANA time zone of <see cref="DigestHour"/>. Default Europe/Brussels.</summary>
    public string TimeZone { get; set; } = "Europe/Brussels";
}

/// <summary>Refuses settings the worker cannot use, naming the setting.</summary>
public sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"{NotificationOptions.Section}:PollInterval must be positive.");
        }
        if (options.SweepInterval <= TimeSpan.Zero)
        {
            errors.Add($"{NotificationOptions.Section}:SweepInterval must be positive.");
        }
        if (options.DigestHour is < 0 or > 23)
        {
            errors.Add($"{NotificationOptions.Section}:DigestHour must be 0–23, not {options.DigestHour}.");
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? "", out _))
        {
            errors.Add($"{NotificationOptions.Section}:TimeZone '{options.TimeZone}' is not a known time zone.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
