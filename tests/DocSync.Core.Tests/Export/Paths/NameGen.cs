using System.Globalization;
using System.Text;
using CsCheck;
using DocSync.Core.Documents;
using DocSync.Core.Export.Paths;

namespace DocSync.Core.Tests.Export.Paths;

/// <summary>CsCheck generators of hostile names, folder layouts and document values (failure modes B6, B7, B21).</summary>
internal static class NameGen
{
    private static readonly string[] HostileAtoms =
    [
        ".", "..", "...", "/", "\\", "\0", "\u0001", "\u007F", "\u0085", "\u202E", "\u202D", "\u2066", "\u200D",
        "\u200B", "\uFEFF", "\u00AD", "\u3164", "\uFFFF", "\uFDD0", " ", "  ", "\t", "\r", "\r\n", "\u00A0", "\u2028",
        "CON", "con", "Nul", "AUX", "PRN", "COM1", "lpt9", "COM\u00B9", "CONIN$", "desktop.ini", "Thumbs.DB",
        ".DS_Store", "Icon\r", ".dropbox", ".dropbox.attr", ".dropbox.cache", "~$", ".~", "~", ".tmp", ".TMP", ".pdf",
        "<", ">", ":", "\"", "|", "?", "*", "{", "}", "_", "-", "'", "&",
        "\u00E9", "e\u0301", "E\u0301", "\u00C9", "A\u030A", "\u212B", "\u2126", "\u212A", "\u00DF", "\u0130", "\u0131",
        "\u03C2", "\u03A3", "\u0345", "\u0301", "\u0316", "\u0323", "\u0338", "\u1100\u1161\u11A8", "\uAC01",
        "\U0001F600", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "\U0001F1E7\U0001F1EA", "\U0001F44D\U0001F3FD",
        "\u2764\uFE0F", "\U000E0067", "\uD800", "\uDC00", "\uDBFF\uDFFF", "\u05D0", "\u0627",
        "a", "Z", "7", "Facture", "Soci\u00E9t\u00E9", "Soci\u0065\u0301te\u0301", "SRL", "F2025/0042",
    ];

    /// <summary>One piece of a name: a known troublemaker, any UTF-16 unit (lone surrogates too), any scalar value, or a plain letter.</summary>
    private static readonly Gen<string> Atom = Gen.Frequency(
        (8, (IGen<string>)Gen.OneOf(HostileAtoms)),
        (3, Gen.Char['\0', '\uFFFF'].Select(c => c.ToString())),
        (2, Gen.Int[0, 0x10FFFF].Where(v => v is < 0xD800 or > 0xDFFF).Select(char.ConvertFromUtf32)),
        (4, Gen.Char['a', 'z'].Select(c => c.ToString())));

    /// <summary>Names up to a few dozen pieces, one in ten repeated far past 255 code units.</summary>
    public static readonly Gen<string> Name = Gen.Frequency(
        (9, (IGen<string>)Atom.Array[0, 40].Select(string.Concat)),
        (1, Gen.Select(Atom, Gen.Int[40, 200], Atom.Array[0, 5], (a, n, tail) => string.Concat(Enumerable.Repeat(a, n)) + string.Concat(tail))));

    /// <summary>Names .NET can normalise: well-formed UTF-16 without U+FFFE.</summary>
    public static readonly Gen<string> ValidName = Name.Select(n => DropboxNameRules.RepairSurrogates(n, 'x').Replace('\uFFFE', 'x'));

    /// <summary>Room kept for an extension: mostly what the exporter uses, sometimes anything allowed.</summary>
    public static readonly Gen<int> Reserve = Gen.Frequency(
        (3, (IGen<int>)Gen.Const(0)), (3, Gen.Const(4)), (3, Gen.Const(ExportPathTemplate.DefaultFileNameReserve)),
        (1, Gen.Int[0, DropboxNames.MaxSegmentLength - 1]));

    /// <summary>Letters whose case survives a round trip, in random case, as people type company names.</summary>
    public static readonly Gen<(string Lower, string Mixed)> CaseTwins =
        Gen.Select(
                Gen.Char['\0', '\u2FFF'].Where(c => char.IsLetter(c) && char.ToLowerInvariant(char.ToUpperInvariant(c)) == char.ToLowerInvariant(c)),
                Gen.Bool,
                (c, upper) => (Lower: char.ToLowerInvariant(c), Mixed: upper ? char.ToUpperInvariant(c) : c))
            .Array[1, 30]
            .Select(cs => (new string([.. cs.Select(p => p.Lower)]), new string([.. cs.Select(p => p.Mixed)])));

    /// <summary>
    /// A folder layout of one to five names, each a run of placeholders followed by hostile literal
    /// text (so no folder is blank or made of dots); {number} goes somewhere in the last.
    /// </summary>
    public static readonly Gen<string> Template = Gen.Select(
        Gen.Select(
                Gen.OneOf([.. ExportPathTemplate.KnownPlaceholders]),
                Atom.Array[0, 2].Select(a => LiteralSafe(string.Concat(a))),
                (p, literal) => "{" + p + "}" + literal)
            .Array[0, 3]
            .Array[1, 5],
        Gen.Int[0, 3],
        Layout);

    /// <summary>One document's values, every text hostile, dates from year 1 to 9999.</summary>
    public static readonly Gen<ExportPathValues> Values =
        Gen.Select(Name.Array[8, 8], Gen.Int[1, 8], Gen.Int[1, 5], Gen.Int[0, 3_652_058], Gen.Int[0, 7],
            (t, type, status, day, nulls) => new ExportPathValues
            {
                Company = t[0],
                Type = (DocumentType)type,
                TypeLabel = t[1],
                Number = t[2],
                IssueDate = DateOnly.FromDayNumber(day),
                Counterparty = (nulls & 1) == 0 ? t[3] : null,
                Seller = t[4],
                Buyer = (nulls & 2) == 0 ? t[5] : null,
                Status = (DocumentStatus)status,
                StatusLabel = (nulls & 4) == 0 ? t[6] : null,
            });

    /// <summary>A string as C# source, so a failure's input can be read and pasted into a regression case.</summary>
    public static string Show(string? s)
    {
        if (s is null)
        {
            return "null";
        }

        var shown = new StringBuilder("\"");
        foreach (var c in s)
        {
            shown.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return shown.Append('"').ToString();
    }

    /// <summary>The values as C# source.</summary>
    public static string Show(ExportPathValues v) => string.Create(CultureInfo.InvariantCulture,
        $"Company={Show(v.Company)} Type={v.Type} TypeLabel={Show(v.TypeLabel)} Number={Show(v.Number)} IssueDate={v.IssueDate:yyyy-MM-dd} Counterparty={Show(v.Counterparty)} Seller={Show(v.Seller)} Buyer={Show(v.Buyer)} Status={v.Status} StatusLabel={Show(v.StatusLabel)}");

    // Literal template text cannot hold braces, '/' or '\': those are template syntax or refused.
    private static string LiteralSafe(string text) =>
        new([.. text.Select(c => c is '{' or '}' or '/' or '\\' ? 'x' : c)]);

    private static string Layout(string[][] segments, int numberAt)
    {
        var names = segments.Select(parts => parts.Length == 0 ? "{year}" : string.Concat(parts)).ToArray();
        var last = segments[^1].ToList();
        last.Insert(Math.Min(numberAt, last.Count), "{number}");
        names[^1] = string.Concat(last);
        return string.Join('/', names);
    }
}
