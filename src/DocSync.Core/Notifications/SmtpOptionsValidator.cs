using Microsoft.Extensions.Options;
using MimeKit;

namespace DocSync.Core.Notifications;

/// <summary>Checks <see cref="SmtpOptions"/> on start, naming the setting at fault (SMTP stays optional: no host, no e-mail).</summary>
internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        const string section = SmtpOptions.Section;
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{section}:Port must be between 1 and 65535 (it is {options.Port}).");
        }
        if (options.Security is not ("None" or "SslOnConnect" or "StartTls"))
        {
            failures.Add($"{section}:Security must be None, SslOnConnect or StartTls (it is '{options.Security}').");
        }
        if (!MailboxAddress.TryParse(options.From ?? "", out _))
        {
            failures.Add($"{section}:From '{options.From}' is not an e-mail address (e.g. DocSync <docsync@example.be>).");
        }
        if (options.PublicUri is { } uri && (!uri.IsAbsoluteUri || uri.Scheme is not ("http" or "https")))
        {
            failures.Add($"{section}:PublicUri must be an absolute http or https address (it is '{uri}').");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
