using System.Globalization;
using System.Text;

namespace DocSync.Core.Notifications;

/// <summary>What a notice says by e-mail, in English, Dutch and French: what happened, and the link to the page that fixes it.</summary>
public static class NoticeTexts
{
    private static readonly Dictionary<string, Dictionary<NoticeKind, (string Subject, string Body)>> Texts = new(StringComparer.Ordinal)
    {
        ["en"] = new()
        {
            [NoticeKind.ConnectionNeedsRelink] = ("the Dropbox connection '{0}' needs linking again",
                "Dropbox no longer accepts DocSync's access for the connection '{0}' of {1}.\nNothing is lost: everything waiting to go to Dropbox stays queued and goes as soon as the connection is linked again."),
            [NoticeKind.DeadLetters] = ("documents could not be exported to '{0}'",
                "{2} document(s) of {1} could not be exported to the Dropbox connection '{0}' after every retry; they wait in its dead-letter list. Fix the cause, then retry them."),
            [NoticeKind.DropboxNearlyFull] = ("the Dropbox of '{0}' is nearly full",
                "The Dropbox of the connection '{0}' of {1} is at least 90 % full. When it is full, exports wait (nothing is lost) until space is freed or added."),
            [NoticeKind.ChannelPaused] = ("the collection channel '{0}' is paused",
                "DocSync paused the collection channel '{0}' of {1}: nothing is collected until it is fixed. Files wait in Dropbox; nothing is lost."),
            [NoticeKind.BackupFailed] = ("a backup failed", "A backup of DocSync failed for {1}."),
        },
        ["nl"] = new()
        {
            [NoticeKind.ConnectionNeedsRelink] = ("de Dropbox-koppeling '{0}' moet opnieuw gekoppeld worden",
                "Dropbox aanvaardt de toegang van DocSync niet meer voor de koppeling '{0}' van {1}.\nEr gaat niets verloren: alles wat naar Dropbox moet, blijft in de wachtrij en vertrekt zodra de koppeling opnieuw gemaakt is."),
            [NoticeKind.DeadLetters] = ("documenten konden niet naar '{0}' geëxporteerd worden",
                "{2} document(en) van {1} konden na alle pogingen niet naar de Dropbox-koppeling '{0}' geëxporteerd worden; ze wachten in de lijst met mislukte taken. Los de oorzaak op en probeer ze opnieuw."),
            [NoticeKind.DropboxNearlyFull] = ("de Dropbox van '{0}' is bijna vol",
                "De Dropbox van de koppeling '{0}' van {1} is voor minstens 90 % vol. Als hij vol is, wachten de exports (er gaat niets verloren) tot er ruimte vrijkomt of bijkomt."),
            [NoticeKind.ChannelPaused] = ("het verzamelkanaal '{0}' is gepauzeerd",
                "DocSync heeft het verzamelkanaal '{0}' van {1} gepauzeerd: er wordt niets verzameld tot het opgelost is. De bestanden wachten in Dropbox; er gaat niets verloren."),
            [NoticeKind.BackupFailed] = ("een back-up is mislukt", "Een back-up van DocSync is mislukt voor {1}."),
        },
        ["fr"] = new()
        {
            [NoticeKind.ConnectionNeedsRelink] = ("la connexion Dropbox « {0} » doit être liée à nouveau",
                "Dropbox n'accepte plus l'accès de DocSync pour la connexion « {0} » de {1}.\nRien n'est perdu : tout ce qui doit partir vers Dropbox reste dans la file et part dès que la connexion est liée à nouveau."),
            [NoticeKind.DeadLetters] = ("des documents n'ont pas pu être exportés vers « {0} »",
                "{2} document(s) de {1} n'ont pas pu être exportés vers la connexion Dropbox « {0} » malgré toutes les tentatives ; ils attendent dans sa liste des échecs. Corrigez la cause, puis réessayez-les."),
            [NoticeKind.DropboxNearlyFull] = ("la Dropbox de « {0} » est presque pleine",
                "La Dropbox de la connexion « {0} » de {1} est pleine à 90 % au moins. Une fois pleine, les exports attendent (rien n'est perdu) qu'on libère ou ajoute de l'espace."),
            [NoticeKind.ChannelPaused] = ("le canal de collecte « {0} » est en pause",
                "DocSync a mis en pause le canal de collecte « {0} » de {1} : rien n'est collecté tant que ce n'est pas réglé. Les fichiers attendent dans Dropbox ; rien n'est perdu."),
            [NoticeKind.BackupFailed] = ("une sauvegarde a échoué", "Une sauvegarde de DocSync a échoué pour {1}."),
        },
    };

    private static readonly Dictionary<string, (string Detail, string Fix, string Digest, string DigestIntro)> Frame = new(StringComparer.Ordinal)
    {
        ["en"] = ("What was said: {0}", "Fix it here: {0}", "{0} notice(s)", "What happened since the last digest:"),
        ["nl"] = ("Wat er gemeld werd: {0}", "Los het hier op: {0}", "{0} melding(en)", "Wat er gebeurde sinds het vorige overzicht:"),
        ["fr"] = ("Ce qui a été dit : {0}", "Réglez-le ici : {0}", "{0} notification(s)", "Ce qui s'est passé depuis le dernier récapitulatif :"),
    };

    /// <summary>A language DocSync writes in: <paramref name="culture"/> if known, else English.</summary>
    /// <param name="culture">The person's culture.</param>
    public static string Language(string? culture) => culture is not null && Texts.ContainsKey(culture) ? culture : "en";

    /// <summary>The subject of a message about one notice.</summary>
    /// <param name="culture">The language.</param>
    /// <param name="notice">The notice.</param>
    public static string Subject(string culture, Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return "DocSync: " + string.Format(CultureInfo.InvariantCulture, Texts[Language(culture)][notice.Kind].Subject, notice.SubjectName);
    }

    /// <summary>What a notice says, with its detail and the link to the fix.</summary>
    /// <param name="culture">The language.</param>
    /// <param name="notice">The notice.</param>
    /// <param name="company">The company's name.</param>
    /// <param name="link">The page that fixes it.</param>
    public static string Body(string culture, Notice notice, string company, string link)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var language = Language(culture);
        var frame = Frame[language];
        var text = new StringBuilder(string.Format(CultureInfo.InvariantCulture, Texts[language][notice.Kind].Body, notice.SubjectName, company, notice.Count)).Append('\n');
        if (!string.IsNullOrWhiteSpace(notice.Detail))
        {
            text.Append(string.Format(CultureInfo.InvariantCulture, frame.Detail, notice.Detail)).Append('\n');
        }
        return text.Append(string.Format(CultureInfo.InvariantCulture, frame.Fix, link)).Append('\n').ToString();
    }

    /// <summary>The subject of a digest of <paramref name="count"/> notices.</summary>
    /// <param name="culture">The language.</param>
    /// <param name="count">How many.</param>
    public static string DigestSubject(string culture, int count) => "DocSync: " + string.Format(CultureInfo.InvariantCulture, Frame[Language(culture)].Digest, count);

    /// <summary>A digest: each notice's subject and body, oldest first.</summary>
    /// <param name="culture">The language.</param>
    /// <param name="notices">The notices with their company and link.</param>
    public static string DigestBody(string culture, IEnumerable<(Notice Notice, string Company, string Link)> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var text = new StringBuilder(Frame[Language(culture)].DigestIntro).Append("\n\n");
        foreach (var (notice, company, link) in notices)
        {
            text.Append("* ").Append(Subject(culture, notice)["DocSync: ".Length..]).Append(" (").Append(company).Append(")\n")
                .Append(Body(culture, notice, company, link)).Append('\n');
        }
        return text.ToString();
    }
}
