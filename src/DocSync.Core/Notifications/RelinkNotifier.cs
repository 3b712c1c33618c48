using DocSync.Core.Companies;
using DocSync.Core.Connections;
using DocSync.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Notifications;

/// <summary>Tells a company's admins by e-mail (when SMTP is configured) that a connection needs linking again; in each person's language.</summary>
public sealed class RelinkNotifier(DocSyncDbContext db, Mailer mailer, IOptions<SmtpOptions> options)
{
    private static readonly Dictionary<string, (string Subject, string Body)> Texts = new(StringComparer.Ordinal)
    {
        ["en"] = ("DocSync: the Dropbox connection '{0}' needs linking again",
            "Dropbox no longer accepts DocSync's access for the connection '{0}' of {1}:\n{2}\n\nNothing is lost: everything waiting to go to Dropbox stays queued and goes as soon as the connection is linked again.\nLink it again under Dropbox: {3}\n"),
        ["nl"] = ("DocSync: de Dropbox-koppeling '{0}' moet opnieuw gekoppeld worden",
            "Dropbox aanvaardt de toegang van DocSync niet meer voor de koppeling '{0}' van {1}:\n{2}\n\nEr gaat niets verloren: alles wat naar Dropbox moet, blijft in de wachtrij en vertrekt zodra de koppeling opnieuw gemaakt is.\nKoppel opnieuw onder Dropbox: {3}\n"),
        ["fr"] = ("DocSync : la connexion Dropbox « {0} » doit être liée à nouveau",
            "Dropbox n'accepte plus l'accès de DocSync pour la connexion « {0} » de {1} :\n{2}\n\nRien n'est perdu : tout ce qui doit partir vers Dropbox reste dans la file et part dès que la connexion est liée à nouveau.\nLiez-la à nouveau sous Dropbox : {3}\n"),
    };

    /// <summary>E-mails every member of the connection's company who may manage connections; returns how many messages went.</summary>
    /// <param name="connection">The connection (of the current company).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<int> NotifyAsync(DropboxConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!mailer.Enabled)
        {
            return 0;
        }

        var company = await db.Companies.AsNoTracking().Where(c => c.Id == connection.CompanyId).Select(c => c.Name).SingleAsync(cancellationToken).ConfigureAwait(false);
        var members = await (
            from m in db.Memberships.AsNoTracking()
            join p in db.Users.AsNoTracking() on m.PersonId equals p.Id
            select new { m.Role, p.Email, p.DisplayName, p.Culture }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var link = options.Value.PublicUri is { } at ? new Uri(at, $"c/{connection.CompanyId}/connections").ToString() : $"/c/{connection.CompanyId}/connections";
        var sent = 0;
        foreach (var group in members.Where(m => RoleRights.For(m.Role).Contains(Right.ManageDropboxConnections) && !string.IsNullOrEmpty(m.Email))
                     .GroupBy(m => Texts.ContainsKey(m.Culture) ? m.Culture : "en"))
        {
            var (subject, body) = Texts[group.Key];
            sent += await mailer.SendAsync(group.Select(m => (m.Email!, m.DisplayName)).ToList(),
                string.Format(System.Globalization.CultureInfo.InvariantCulture, subject, connection.Name),
                string.Format(System.Globalization.CultureInfo.InvariantCulture, body, connection.Name, company, connection.LastError, link), cancellationToken).ConfigureAwait(false);
        }
        return sent;
    }
}
