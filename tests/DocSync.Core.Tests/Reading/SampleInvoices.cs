using System.Globalization;
using DocSync.Core.Documents;
using DocSync.Core.Validation;

namespace DocSync.Core.Tests.Reading;

/// <summary>
/// Purchase invoices with known values, varied by a seed: suppliers from Belgium, the Netherlands
/// and France with valid VAT numbers and IBANs, buyers with VAT numbers of their own, invoice numbers
/// in several styles, 1 to 4 lines at the country's VAT rates. <see cref="Rendering.DocumentPdfRenderer"/>
/// prints them in English, French or Dutch.
/// </summary>
public static class SampleInvoices
{
    public sealed record Sample(string Language, DocumentContent Content, IReadOnlyDictionary<string, string> Expected)
    {
        public string Name => $"{Language} {Content.Number}";
    }

    /// <summary>The fields each sample is checked on, with the value expected.</summary>
    public static readonly string[] Fields = ["SupplierName", "VatNumber", "InvoiceNumber", "InvoiceDate", "DueDate", "Total", "VatAmount", "Iban"];

    private static readonly string[] Suppliers =
    [
        "Atelier Lumière BV", "Bakkerij Janssens BV", "Imprimerie Durand SA", "Groothandel Peeters NV", "Brasserie Leroy SRL",
        "De Vries Installatietechniek BV", "Cave Dubois SAS", "Northwind Traders Ltd", "Garage Verhoeven NV", "Librairie Moreau SARL",
        "Van den Berg Logistiek BV", "Électricité Lambert SPRL",
    ];

    private static readonly string[] Buyers = ["Librairie Dupont SARL", "Studio Maes BV", "Hotel De Zwaan NV", "Café du Commerce SRL"];

    private static readonly Dictionary<string, string[]> Items = new()
    {
        ["en"] = ["Consulting services", "Office chairs", "Maintenance contract", "LED panels 60x60", "Delivery costs", "Printer paper A4"],
        ["fr"] = ["Prestations de conseil", "Chaises de bureau", "Contrat d'entretien", "Panneaux LED 60x60", "Frais de livraison", "Papier A4"],
        ["nl"] = ["Adviesdiensten", "Bureaustoelen", "Onderhoudscontract", "LED-panelen 60x60", "Leveringskosten", "Printpapier A4"],
    };

    public static IReadOnlyList<Sample> Generate(int seed, int perLanguage)
    {
        var random = new Random(seed);
        var samples = new List<Sample>();
        foreach (var language in (string[])["en", "fr", "nl"])
        {
            for (var i = 0; i < perLanguage; i++)
            {
                samples.Add(Make(random, language, samples.Count));
            }
        }

        return samples;
    }

    private static Sample Make(Random random, string language, int index)
    {
        var country = (string[])["BE", "BE", "NL", "FR"] is var countries ? countries[random.Next(countries.Length)] : "BE";
        var (vat, printedVat) = VatNumber(random, country);
        var iban = Iban(random, country);
        var (buyerVat, _) = VatNumber(random, random.Next(2) == 0 ? "BE" : "FR");
        var issue = new DateOnly(2024, 1, 1).AddDays(random.Next(700));
        var due = issue.AddDays((int[])[14, 30, 30, 60] is var terms ? terms[random.Next(terms.Length)] : 30);
        var year = issue.Year.ToString(CultureInfo.InvariantCulture);
        var n = random.Next(1, 9999);
        var number = (index % 5) switch
        {
            0 => $"F{year}-{n:0000}",
            1 => $"{year}/{n}",
            2 => $"INV-{n}",
            3 => $"FA-{year}-{n:00000}",
            _ => $"{year}{n:0000}",
        };
        var rates = country switch
        {
            "NL" => new[] { 21m, 9m },
            "FR" => [20m, 10m, 5.5m],
            _ => [21m, 6m],
        };
        var lines = Enumerable.Range(0, random.Next(1, 5)).Select(_ => new DocumentLine
        {
            Description = Items[language][random.Next(Items[language].Length)],
            Quantity = random.Next(1, 11),
            UnitPrice = random.Next(500, 200_000) / 100m,
            VatRate = rates[random.Next(rates.Length)],
        }).ToList();
        var content = DocumentCalculator.Complete(new DocumentContent
        {
            Type = DocumentType.Invoice,
            Number = number,
            IssueDate = issue,
            DueDate = due,
            Currency = "EUR",
            Seller = new Party
            {
                Name = Suppliers[index % Suppliers.Length],
                VatNumber = printedVat,
                Iban = string.Join(' ', iban.Chunk(4).Select(c => new string(c))),
                Address = new PostalAddress { Street = $"Stationsstraat {random.Next(1, 200)}", PostalCode = $"{random.Next(1000, 9999)}", City = "Gent", Country = country },
            },
            Buyer = new Party
            {
                Name = Buyers[random.Next(Buyers.Length)],
                VatNumber = buyerVat,
                Address = new PostalAddress { Street = "Place Verte 3", PostalCode = "1000", City = "Bruxelles", Country = buyerVat[..2] },
            },
            Lines = lines,
            Totals = new DocumentTotals(),
        });
        var expected = new Dictionary<string, string>
        {
            ["SupplierName"] = content.Seller.Name,
            ["VatNumber"] = vat,
            ["InvoiceNumber"] = number,
            ["InvoiceDate"] = issue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["DueDate"] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Total"] = content.Totals.TotalInclVat.ToString("0.00", CultureInfo.InvariantCulture),
            ["VatAmount"] = content.Totals.TotalVat.ToString("0.00", CultureInfo.InvariantCulture),
            ["Iban"] = iban,
        };
        return new Sample(language, content, expected);
    }

    // A valid number of the country and how the invoice prints it.
    private static (string Compact, string Printed) VatNumber(Random random, string country)
    {
        switch (country)
        {
            case "NL":
                while (true)
                {
                    var digits = Digits(random, 8);
                    var sum = digits.Select((d, i) => (d - '0') * (9 - i)).Sum();
                    var check = sum % 11;
                    if (check <= 9)
                    {
                        var nl = $"NL{digits}{check}B0{random.Next(1, 10)}";
                        return (nl, nl);
                    }
                }

            case "FR":
                var siren = Digits(random, 9);
                var key = (12 + (3 * (long.Parse(siren, CultureInfo.InvariantCulture) % 97))) % 97;
                var fr = $"FR{key:00}{siren}";
                return (fr, random.Next(2) == 0 ? fr : $"FR {key:00} {siren[..3]} {siren[3..6]} {siren[6..]}");
            default:
                var body = "0" + Digits(random, 7);
                var be = $"BE{body}{97 - (long.Parse(body, CultureInfo.InvariantCulture) % 97):00}";
                return (be, random.Next(2) == 0 ? be : $"BE {be[2..6]}.{be[6..9]}.{be[9..]}");
        }
    }

    private static string Iban(Random random, string country)
    {
        var bban = country switch
        {
            "NL" => ((string[])["ABNA", "INGB", "RABO", "TRIO"])[random.Next(4)] + Digits(random, 10),
            "FR" => Digits(random, 23),
            _ => BelgianAccount(Digits(random, 10)),
        };
        var numeric = string.Concat((bban + country + "00").Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        var check = 98 - (int)(System.Numerics.BigInteger.Parse(numeric, CultureInfo.InvariantCulture) % 97);
        var iban = $"{country}{check:00}{bban}";
        DocSync.Core.Validation.Iban.Check(iban, "iban").ShouldBeNull();
        return iban;
    }

    private static string BelgianAccount(string first10)
    {
        var remainder = (int)(long.Parse(first10, CultureInfo.InvariantCulture) % 97);
        return first10 + (remainder == 0 ? 97 : remainder).ToString("00", CultureInfo.InvariantCulture);
    }

    private static string Digits(Random random, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));
}
