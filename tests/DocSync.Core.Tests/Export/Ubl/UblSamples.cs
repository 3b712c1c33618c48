using DocSync.Core.Documents;
using DocSync.Core.Export.Ubl;
using DocSync.Core.Validation;

namespace DocSync.Core.Tests.Export.Ubl;

/// <summary>Documents for the UBL tests: realistic Belgian, Dutch and French ones, edge cases, and seeded random ones.</summary>
public static class UblSamples
{
    public static readonly Party BelgianSeller = new()
    {
        Name = "Atelier Lumière & Zonen BV",
        VatNumber = "BE 0477.472.701",
        Iban = "BE68 5390 0754 7034",
        Address = new PostalAddress { Street = "Kortrijksesteenweg 112", PostalCode = "9000", City = "Gent", Country = "BE" },
    };

    public static readonly Party BelgianBuyer = new()
    {
        Name = "Brasserie <De Gouden Leeuw> NV",
        VatNumber = "BE0403170701",
        Address = new PostalAddress { Street = "Grote Markt 1", PostalCode = "1000", City = "Brussel", Country = "BE" },
    };

    public static readonly Party DutchBuyer = new()
    {
        Name = "Boekhandel Van 't Hof B.V.",
        VatNumber = "NL810433941B01",
        Address = new PostalAddress { Street = "Oudegracht 200", PostalCode = "3511 NR", City = "Utrecht", Country = "NL" },
    };

    public static readonly Party FrenchBuyer = new()
    {
        Name = "Librairie Dupont & Fils SARL",
        VatNumber = "FR59542051180",
        Address = new PostalAddress { Street = "12 rue de l'Église", PostalCode = "75004", City = "Paris", Country = "FR" },
    };

    public static readonly Party GermanBuyer = new()
    {
        Name = "Müller Büromöbel GmbH",
        VatNumber = "DE136695976",
        Address = new PostalAddress { Street = "Königsallee 5", PostalCode = "40212", City = "Düsseldorf", Country = "DE" },
    };

    public static readonly Party DutchSeller = new()
    {
        Name = "Drukkerij Ĳsselmonde B.V.",
        VatNumber = "NL004495445B01",
        Iban = "NL91 ABNA 0417 1643 00",
        Address = new PostalAddress { Street = "Havenstraat 3", PostalCode = "2981 AB", City = "Ridderkerk", Country = "NL" },
    };

    /// <summary>A Belgian invoice with lines at 21, 12, 6 and 0 %, accents and markup characters.</summary>
    public static DocumentContent BelgianInvoice() => DocumentCalculator.Complete(new DocumentContent
    {
        Type = DocumentType.Invoice,
        Number = "F2025/0042",
        IssueDate = new DateOnly(2025, 6, 16),
        DueDate = new DateOnly(2025, 7, 16),
        Currency = "EUR",
        Seller = BelgianSeller,
        Buyer = BelgianBuyer,
        Note = "Gestructureerde mededeling +++090/9337/55493+++ — betaling binnen 30 dagen.",
        Lines =
        [
            new DocumentLine { Description = "Hanglamp \"Lumière\" 40 cm <messing>", Quantity = 2, UnitPrice = 189.00m, VatRate = 21m },
            new DocumentLine { Description = "Plaatsing & aansluiting (uur)", Quantity = 3.5m, UnitPrice = 65.00m, VatRate = 21m },
            new DocumentLine { Description = "Renovatiewerken woning > 10 jaar", Quantity = 1, UnitPrice = 1250.00m, VatRate = 6m },
            new DocumentLine { Description = "Catering tijdens opening", Quantity = 12, UnitPrice = 14.95m, VatRate = 12m },
            new DocumentLine { Description = "Krant « Le Soir » abonnement", Quantity = 1, UnitPrice = 24.00m, VatRate = 0m },
            new DocumentLine { Description = "Korting trouwe klant", Quantity = 1, UnitPrice = -25.00m, VatRate = 21m },
        ],
        Totals = new DocumentTotals(),
    });

    /// <summary>Rounding edge cases: 3 × 0.335 (1.005 → 1.01), 0.005, and a VAT base whose VAT is a midpoint.</summary>
    public static DocumentContent RoundingInvoice() => DocumentCalculator.Complete(BelgianInvoice() with
    {
        Number = "F2025/0043",
        Lines =
        [
            new DocumentLine { Description = "Schroefjes", Quantity = 3, UnitPrice = 0.335m, VatRate = 21m },
            new DocumentLine { Description = "Sluitring", Quantity = 1, UnitPrice = 0.005m, VatRate = 21m },
            new DocumentLine { Description = "Pluggen", Quantity = 0.3333m, UnitPrice = 1.2345m, VatRate = 6m },
            new DocumentLine { Description = "Etiket", Quantity = 1, UnitPrice = 0.25m, VatRate = 6m },
        ],
    });

    /// <summary>An invoice to a buyer in another country.</summary>
    public static DocumentContent InvoiceTo(Party buyer) => DocumentCalculator.Complete(BelgianInvoice() with
    {
        Number = "F2025/0044",
        Buyer = buyer,
        Lines =
        [
            new DocumentLine { Description = "Éclairage de la vitrine", Quantity = 10, UnitPrice = 123.456m, VatRate = 21m },
            new DocumentLine { Description = "Livraison intracommunautaire", Quantity = 1, UnitPrice = 80m, VatRate = 0m },
        ],
    });

    /// <summary>An invoice with <paramref name="count"/> lines at alternating rates.</summary>
    public static DocumentContent ManyLines(int count) => DocumentCalculator.Complete(BelgianInvoice() with
    {
        Number = "F2025/0045",
        Lines = [.. Enumerable.Range(1, count).Select(i => new DocumentLine
        {
            Description = $"Lijn {i:000} — artikel Ø {i} mm",
            Quantity = i % 7 + 1,
            UnitPrice = 0.01m * i + 0.005m,
            VatRate = (i % 4) switch { 0 => 21m, 1 => 12m, 2 => 6m, _ => 0m },
        })],
    });

    /// <summary>A credit note written as negative amounts (the usual way of cancelling part of an invoice).</summary>
    public static DocumentContent NegativeCreditNote() => DocumentCalculator.Complete(BelgianInvoice() with
    {
        Type = DocumentType.CreditNote,
        Number = "CN2025/0007",
        DueDate = null,
        Lines =
        [
            new DocumentLine { Description = "Retour hanglamp \"Lumière\"", Quantity = -1, UnitPrice = 189.00m, VatRate = 21m },
            new DocumentLine { Description = "Teveel aangerekende uren", Quantity = -0.5m, UnitPrice = 65.00m, VatRate = 21m },
            new DocumentLine { Description = "Catering: 2 menu's minder", Quantity = -2, UnitPrice = 14.95m, VatRate = 12m },
        ],
    });

    /// <summary>A credit note written as positive amounts.</summary>
    public static DocumentContent PositiveCreditNote() => DocumentCalculator.Complete(NegativeCreditNote() with
    {
        Number = "CN2025/0008",
        DueDate = new DateOnly(2025, 7, 1),
        Lines = [.. NegativeCreditNote().Lines.Select(l => l with { Quantity = -l.Quantity })],
    });

    /// <summary>A seller without VAT number (a non-profit) whose lines are all at 0 %.</summary>
    public static DocumentContent NotSubjectToVat() => DocumentCalculator.Complete(BelgianInvoice() with
    {
        Number = "VZW-2025-003",
        Seller = new Party
        {
            Name = "Vzw Buurtwerking 't Pleintje",
            Iban = "BE68539007547034",
            Address = new PostalAddress { Street = "Pleinstraat 4", PostalCode = "2000", City = "Antwerpen", Country = "BE" },
        },
        Lines =
        [
            new DocumentLine { Description = "Lidgeld 2025", Quantity = 4, UnitPrice = 25m, VatRate = 0m },
            new DocumentLine { Description = "Zaalhuur", Quantity = 1, UnitPrice = 150m, VatRate = 0m },
        ],
    });

    /// <summary>The extras a seller without VAT number needs: its enterprise number as address and identifier.</summary>
    public static readonly UblExtras NonProfitExtras = new()
    {
        SellerEndpoint = new UblIdentifier("0208", "0851030191"),
        SellerLegalId = new UblIdentifier("0208", "0851030191"),
    };

    /// <summary>A Dutch seller's invoice to a Dutch buyer.</summary>
    public static DocumentContent DutchInvoice() => DocumentCalculator.Complete(BelgianInvoice() with
    {
        Number = "2025-118",
        Seller = DutchSeller,
        Buyer = DutchBuyer,
        Note = null,
        Lines =
        [
            new DocumentLine { Description = "Drukwerk folders A5", Quantity = 5000, UnitPrice = 0.0425m, VatRate = 21m },
            new DocumentLine { Description = "Boeken (verlaagd tarief)", Quantity = 40, UnitPrice = 12.5m, VatRate = 9m },
        ],
    });

    /// <summary>What a Dutch seller adds: its KvK number.</summary>
    public static readonly UblExtras DutchExtras = new() { SellerLegalId = new UblIdentifier("0106", "24256790") };

    private static readonly Party[] Sellers = [BelgianSeller, DutchSeller, BelgianSeller with { Name = "Ébénisterie Gérard SRL", VatNumber = "BE0202239951", Iban = null }];

    private static readonly Party[] Buyers = [BelgianBuyer, DutchBuyer, FrenchBuyer, GermanBuyer];

    private static readonly decimal[] Rates = [21m, 21m, 12m, 6m, 6m, 0m, 9m, 5.5m];

    private static readonly string[] Words = ["Hanglamp", "Café", "Œuvre", "Schroef & moer", "<b>vet</b>", "Straße", "Ĳzer", "déjà vu", "\"quote\"", "'apostrof'", "50% > 40%"];

    /// <summary>
    /// A random valid invoice or credit note (with the extras it needs), fully determined by <paramref name="seed"/>.
    /// </summary>
    public static (DocumentContent Content, UblExtras Extras) Random(int seed)
    {
        var random = new Random(seed);
        var isCreditNote = random.Next(3) == 0;
        var seller = Sellers[random.Next(Sellers.Length)];
        var buyer = Buyers[random.Next(Buyers.Length)];
        var negative = isCreditNote && random.Next(2) == 0;
        var lines = Enumerable.Range(0, random.Next(1, 15)).Select(_ => new DocumentLine
        {
            Description = $"{Words[random.Next(Words.Length)]} {random.Next(1000)}",
            Quantity = Quantity(random) * (negative ? -1 : 1),
            UnitPrice = Math.Round((decimal)random.NextDouble() * 2000m, random.Next(5)) * (random.Next(10) == 0 ? -1 : 1),
            VatRate = Rates[random.Next(Rates.Length)],
        }).ToList();
        var dueDate = random.Next(5) == 0 ? (DateOnly?)null : new DateOnly(2025, 7, 1).AddDays(random.Next(60));
        var content = DocumentCalculator.Complete(new DocumentContent
        {
            Type = isCreditNote ? DocumentType.CreditNote : DocumentType.Invoice,
            Number = $"R{seed}-{random.Next(10000):0000}",
            IssueDate = new DateOnly(2025, 6, 1).AddDays(random.Next(30)),
            DueDate = dueDate,
            Currency = random.Next(8) == 0 ? "USD" : "EUR",
            Seller = seller,
            Buyer = buyer,
            Note = dueDate is null || random.Next(2) == 0 ? $"Betaling {random.Next(10, 60)} dagen & korting <2%>" : null,
            Lines = lines,
            Totals = new DocumentTotals(),
        });
        var extras = new UblExtras
        {
            SellerLegalId = seller == DutchSeller ? DutchExtras.SellerLegalId : null,
            InvoiceReference = (isCreditNote && random.Next(2) == 0) || seller == DutchSeller ? $"F{random.Next(1000)}" : null,
            OrderReference = random.Next(4) == 0 ? $"PO-{random.Next(100000)}" : null,
            VatExemptionReason = random.Next(6) == 0 ? "Vrijgesteld — art. 44 WBTW" : null,
        };
        return (content, extras);
    }

    private static decimal Quantity(Random random) => random.Next(4) switch
    {
        0 => random.Next(1, 100),
        1 => Math.Round((decimal)random.NextDouble() * 50m + 0.0001m, 4),
        2 => 0.5m * random.Next(1, 9),
        _ => 1,
    };
}
