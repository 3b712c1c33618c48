using System.Text;
using System.Xml.Linq;
using DocSync.Core.Documents;
using DocSync.Core.Export.Ubl;

namespace DocSync.Core.Tests.Export.Ubl;

/// <summary>Reading UBL in tests: parse the writer's bytes, walk cac/cbc paths.</summary>
public static class UblXml
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The writer's bytes for <paramref name="content"/>, parsed.</summary>
    public static XDocument Write(DocumentContent content, UblExtras? extras = null) => Parse(UblWriter.Write(content, extras));

    /// <summary>Parses UBL bytes, failing on anything but strict UTF-8.</summary>
    public static XDocument Parse(byte[] bytes) => XDocument.Parse(StrictUtf8.GetString(bytes));

    public static XName Cac(string name) => UblNames.Cac + name;

    public static XName Cbc(string name) => UblNames.Cbc + name;

    /// <summary>The first element at a path of local names (cac or cbc, tried in that order) below <paramref name="from"/>.</summary>
    public static XElement At(this XElement from, params string[] path) =>
        path.Aggregate(from, (e, name) => e.Element(Cac(name)) ?? e.Element(Cbc(name))
            ?? throw new InvalidOperationException($"No {name} under {e.Name.LocalName}."));

    /// <summary>All elements named <paramref name="name"/> (cac or cbc) directly below <paramref name="from"/>.</summary>
    public static IEnumerable<XElement> All(this XElement from, string name) => from.Elements(Cac(name)).Concat(from.Elements(Cbc(name)));

    /// <summary>The text at a path.</summary>
    public static string Text(this XElement from, params string[] path) => from.At(path).Value;

    /// <summary>The rule ids <see cref="UblRules.Check"/> reports for <paramref name="ubl"/>.</summary>
    public static IReadOnlyList<string> RuleIds(XDocument ubl) => [.. UblRules.Check(ubl).Select(v => v.RuleId).Distinct()];

    /// <summary>The violations, one per line, for failure messages.</summary>
    public static string Describe(IEnumerable<UblViolation> violations) =>
        string.Join('\n', violations.Select(v => $"{v.RuleId} at {v.Location}: {v.Message}"));
}
