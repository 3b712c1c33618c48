using System.Text;
using DocSync.Core.Auditing;
using DocSync.Web.Localization;

namespace DocSync.Web.Features.Audit;

/// <summary>
/// An audit entry in the reader's words: "changed", "connection “Accounting”", "name, root folder" —
/// translated where the texts have a word, otherwise the code name split into lower-case words.
/// </summary>
public static class AuditWords
{
    /// <summary>What was done.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="entry">The entry.</param>
    public static string Action(Texts texts, AuditEntryInfo entry) =>
        Word(texts, "audit.action." + entry.Action, entry.Action);

    /// <summary>The kind of thing, without its name.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="entry">The entry.</param>
    public static string Kind(Texts texts, AuditEntryInfo entry) =>
        Word(texts, "audit.entity." + entry.EntityType, entry.EntityType);

    /// <summary>The changed fields, as words.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="entry">The entry.</param>
    public static string Fields(Texts texts, AuditEntryInfo entry) =>
        string.Join(", ", entry.ChangedProperties.Where(p => p is not ("UpdatedAt" or "ConcurrencyStamp" or "SecurityStamp" or "Version"))
            .Select(p => Word(texts, "audit.field." + p, p)).Distinct());

    /// <summary>The text for <paramref name="key"/>, or <paramref name="code"/> split into words.</summary>
    private static string Word(Texts texts, string key, string code) => texts.TryGet(key) ?? Split(code);

    /// <summary><c>RootFolder</c> → <c>root folder</c>, <c>VatNumber</c> → <c>vat number</c>.</summary>
    /// <param name="code">A code name.</param>
    public static string Split(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var words = new StringBuilder(code.Length + 8);
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(code[i - 1]) || (i + 1 < code.Length && char.IsLower(code[i + 1]) && char.IsUpper(code[i - 1]))))
            {
                words.Append(' ');
            }
            words.Append(char.ToLowerInvariant(c));
        }
        return words.ToString();
    }
}
