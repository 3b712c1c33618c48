using Microsoft.Extensions.Options;

namespace DocSync.Core.Invitations;

/// <summary>Invitation settings, bound from <c>DocSync:Invitations</c> and validated on start.</summary>
public sealed class InvitationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DocSync:Invitations";

    /// <summary>How long an invitation link works. Default 7 days; between 10 minutes and 90 days.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>Checks <see cref="InvitationOptions"/>; an error names the setting.</summary>
internal sealed class InvitationOptionsValidator : IValidateOptions<InvitationOptions>
{
    public ValidateOptionsResult Validate(string? name, InvitationOptions options) =>
        options.Lifetime < TimeSpan.FromMinutes(10) || options.Lifetime > TimeSpan.FromDays(90)
            ? ValidateOptionsResult.Fail($"{InvitationOptions.Section}:Lifetime must be between 00:10:00 and 90.00:00:00 (was {options.Lifetime}).")
            : ValidateOptionsResult.Success;
}
