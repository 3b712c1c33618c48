using System.Globalization;
using DocSync.Core.Access;
using DocSync.Core.Auditing;
using DocSync.Web.Features.Audit;
using DocSync.Web.Localization;

namespace DocSync.Web.Tests.Audit;

/// <summary>The audit log reads in words in each language: actions, kinds of things and fields, never class or property names.</summary>
public sealed class AuditWordsTests
{
    private static readonly Texts Texts = new();

    private static AuditEntryInfo Entry(string action, string type, params string[] fields) =>
        new(Guid.NewGuid(), DateTimeOffset.UnixEpoch, ActorKind.Person, Guid.NewGuid(), "Els", action, type, Guid.NewGuid().ToString(), fields, "Accounting");

    [Theory]
    [InlineData("en", "changed", "Dropbox connection", "name, root folder")]
    [InlineData("nl", "gewijzigd", "Dropbox-koppeling", "naam, hoofdmap")]
    [InlineData("fr", "modifié", "connexion Dropbox", "nom, dossier racine")]
    public void A_change_reads_in_the_readers_language(string culture, string action, string kind, string fields)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var entry = Entry("Modified", "DropboxConnection", "Name", "RootFolder", "UpdatedAt");

            AuditWords.Action(Texts, entry).ShouldBe(action);
            AuditWords.Kind(Texts, entry).ShouldBe(kind);
            AuditWords.Fields(Texts, entry).ShouldBe(fields); // bookkeeping columns are not news
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("SomethingNew", "something new")]
    [InlineData("VatNumber", "vat number")]
    [InlineData("UBLFile", "ubl file")]
    [InlineData("Name", "name")]
    public void An_unknown_code_name_is_split_into_words(string code, string words) => AuditWords.Split(code).ShouldBe(words);

    [Fact]
    public void Every_audited_entity_and_action_has_words_in_every_language()
    {
        var entities = typeof(ICompanyScoped).Assembly.GetTypes()
            .Where(t => typeof(ICompanyScoped).IsAssignableFrom(t) && !typeof(IAuditExempt).IsAssignableFrom(t) && t.IsClass && !t.IsAbstract)
            .Select(t => "audit.entity." + t.Name);
        string[] actions = ["Added", "Modified", "Deleted", .. typeof(DocSync.Core.Accounts.SecurityAudit).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)];
        foreach (var culture in new[] { "en", "nl", "fr" })
        {
            var keys = Texts.Keys(culture).ToHashSet();
            entities.Concat(actions.Select(a => "audit.action." + a)).Where(k => !keys.Contains(k)).ShouldBeEmpty(culture);
        }
    }
}
