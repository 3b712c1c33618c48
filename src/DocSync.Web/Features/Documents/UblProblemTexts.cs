using System.Text.RegularExpressions;
using DocSync.Core.Companies;
using DocSync.Web.Localization;

namespace DocSync.Web.Features.Documents;

/// <summary>
/// Why a document typed in the form would get no UBL, in the reader's language: the export's own writer
/// (<see cref="DocSync.Core.Export.Ubl.UblWriter"/>) judges the form's data; each rule it names is told in words.
/// </summary>
public static partial class UblProblemTexts
{
    private static readonly string[] Known =
    [
        "BR-09", "BR-11", "BR-CO-25", "BR-S-02", "BR-CO-26", "BR-CL-04", "BR-CL-14", "PEPPOL-EN16931-R010", "PEPPOL-EN16931-R020",
    ];

    /// <summary>The problems, one sentence each (a rule without words of its own keeps the writer's English sentence).</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="input">The form.</param>
    /// <param name="company">The current company.</param>
    public static IReadOnlyList<string> Of(Texts texts, NewDocumentInput input, Company company)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(input);
        var problems = input.UblProblems(company);
        var said = new List<string>();
        foreach (var problem in problems)
        {
            var rule = RuleId().Match(problem) is { Success: true } m ? m.Groups["rule"].Value : null;
            var text = rule is null
                ? texts["form.ublFixErrors"]
                : Known.Contains(rule) ? $"{texts[$"ubl.rule.{rule}"]} ({rule})" : problem;
            if (!said.Contains(text))
            {
                said.Add(text);
            }
        }

        return said;
    }

    [GeneratedRegex(@"\((?<rule>(BR|PEPPOL|NL|DE)-[A-Z0-9-]+)\)\.?$")]
    private static partial Regex RuleId();
}
