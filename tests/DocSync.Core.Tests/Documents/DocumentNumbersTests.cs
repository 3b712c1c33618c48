using DocSync.Core.Documents;

namespace DocSync.Core.Tests.Documents;

public sealed class DocumentNumbersTests
{
    public static TheoryData<DocumentType, int, string[], string> Cases => new()
    {
        // type, year, existing numbers (issued that year unless "@yyyy" follows), suggestion
        { DocumentType.Invoice, 2026, [], "F2026-0001" },
        { DocumentType.CreditNote, 2026, [], "CN2026-0001" },
        { DocumentType.PurchaseInvoice, 2026, [], "AF2026-0001" },
        { DocumentType.Invoice, 2026, ["F2026-0042", "F2026-0007"], "F2026-0043" },
        { DocumentType.Invoice, 2026, ["F2026-0999"], "F2026-1000" },
        { DocumentType.Invoice, 2026, ["F2026-9999"], "F2026-10000" },
        { DocumentType.Invoice, 2026, ["INV-17", "INV-9"], "INV-18" },
        { DocumentType.Invoice, 2026, ["2026/0012/BE"], "2026/0013/BE" },
        { DocumentType.Invoice, 2026, ["F2025-0310@2025"], "F2026-0001" },
        { DocumentType.Invoice, 2026, ["F2024-0100@2024", "FAC-2025-031@2025"], "FAC-2026-001" },
        { DocumentType.Invoice, 2026, ["X-7@2025"], "F2026-0001" },
        { DocumentType.Invoice, 2026, ["F2026-0002", "F2026-0003@2025"], "F2026-0004" },
        { DocumentType.Invoice, 2026, ["free text", "F2026-0005"], "F2026-0006" },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Suggest_FollowsTheCompanysNumbering(DocumentType type, int year, string[] existing, string expected)
    {
        var numbers = existing.Select(e => e.Split('@') is [var number, var y]
            ? (number, new DateOnly(int.Parse(y, System.Globalization.CultureInfo.InvariantCulture), 6, 1))
            : (e, new DateOnly(year, 6, 1))).ToList();

        DocumentNumbers.Suggest(type, year, numbers).ShouldBe(expected);
    }
}
