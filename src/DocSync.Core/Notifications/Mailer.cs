using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DocSync.Core.Notifications;

/// <summary>Sends plain-text e-mail through <see cref="SmtpOptions"/>; does nothing when no server is configured. Never throws: a failure is logged.</summary>
public sealed partial class Mailer(IOptions<SmtpOptions> options, ILogger<Mailer> logger)
{
    /// <summary>Whether a server is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.Host);

    /// <summary>Sends one message to each recipient; returns how many were accepted by the server.</summary>
    /// <param name="recipients">Addresses and display names.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="body">Plain text.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<int> SendAsync(IReadOnlyCollection<(string Email, string Name)> recipients, string subject, string body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (!Enabled || recipients.Count == 0)
        {
            return 0;
        }

        var settings = options.Value;
        var sent = 0;
        try
        {
            using var client = new SmtpClient();
            var security = settings.Security switch
            {
                "None" => SecureSocketOptions.None,
                "SslOnConnect" => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(settings.User))
            {
                await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken).ConfigureAwait(false);
            }
            foreach (var (email, name) in recipients)
            {
                using var message = new MimeMessage();
                message.From.Add(MailboxAddress.Parse(settings.From));
                message.To.Add(new MailboxAddress(name, email));
                message.Subject = subject;
                message.Body = new TextPart("plain") { Text = body };
                await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                sent++;
            }
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, settings.Host!, e);
        }
        return sent;
    }

    [LoggerMessage(EventId = 9202, Level = LogLevel.Warning, Message = "E-mail through {Host} failed; the UI still shows the message")]
    private static partial void LogFailed(ILogger logger, string host, Exception exception);
}
