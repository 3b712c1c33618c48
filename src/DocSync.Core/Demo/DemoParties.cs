using System.Globalization;
using DocSync.Core.Documents;
using DocSync.Core.Validation;

namespace DocSync.Core.Demo;

/// <summary>Made-up Belgian, French and Dutch businesses with VAT numbers and IBANs whose check digits are right.</summary>
internal static class DemoParties
{
    public static Party Own { get; } = Belgian("Atelier Lumière BV", "04123456", "Kortrijksesteenweg 112", "9000", "Gent");

    public static IReadOnlyList<Party> Customers { get; } =
    [
        Belgian("Brasserie Van Damme BV", "07895511", "Grote Markt 7", "8000", "Brugge"),
        Belgian("Bakkerij De Smet", "08432167", "Meir 45", "2000", "Antwerpen"),
        French("Librairie Dupont SARL", "552100554", "12 rue de la Paix", "75002", "Paris"),
        French("Maison Moreau SAS", "732829320", "8 quai Saint-Antoine", "69002", "Lyon"),
        Dutch("Koffiebranderij Jansen BV", "80456123", "Oudegracht 210", "3511 NR", "Utrecht"),
        Dutch("Bloemenhuis Visser", "81234569", "Prinsengracht 300", "1016 HX", "Amsterdam"),
    ];

    public static IReadOnlyList<Party> Suppliers { get; } =
    [
        Belgian("Drukkerij Peeters NV", "04561237", "Industrieweg 3", "3001", "Leuven"),
        French("Papeterie Lefèvre SA", "403052111", "4 avenue Jean Jaurès", "59000", "Lille"),
        Dutch("Verlichting Bakker BV", "82345670", "Stationsplein 1", "5611 AC", "Eindhoven"),
    ];

    private static Party Belgian(string name, string eightDigits, string street, string postalCode, string city)
    {
        var check = 97 - (int)(long.Parse(eightDigits, CultureInfo.InvariantCulture) % 97);
        var account = "3630" + eightDigits[2..];
        var national = (long.Parse(account, CultureInfo.InvariantCulture) % 97) is var r && r == 0 ? 97 : r;
        return new Party
        {
            Name = name,
            VatNumber = $"BE{eightDigits}{check:00}",
            Address = new PostalAddress { Street = street, PostalCode = postalCode, City = city, Country = "BE" },
            Iban = Iban("BE", account + national.ToString("00", CultureInfo.InvariantCulture)),
        };
    }

    private static Party French(string name, string siren, string street, string postalCode, string city)
    {
        var key = (12 + (3 * (long.Parse(siren, CultureInfo.InvariantCulture) % 97))) % 97;
        return new Party
        {
            Name = name,
            VatNumber = $"FR{key:00}{siren}",
            Address = new PostalAddress { Street = street, PostalCode = postalCode, City = city, Country = "FR" },
            Iban = Iban("FR", "30004" + "00823" + "000" + siren[..8] + "06"),
        };
    }

    private static Party Dutch(string name, string eightDigits, string street, string postalCode, string city)
    {
        // Elfproef: choose the ninth digit so the weighted sum is divisible by 11.
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (eightDigits[i] - '0') * (9 - i);
        }

        var last = sum % 11;
        var number = last == 10 ? "0" + eightDigits[1..] + "0" : eightDigits + last.ToString(CultureInfo.InvariantCulture);
        return new Party
        {
            Name = name,
            VatNumber = $"NL{number}B01",
            Address = new PostalAddress { Street = street, PostalCode = postalCode, City = city, Country = "NL" },
            Iban = Iban("NL", "INGB00" + eightDigits),
        };
    }

    private static string Iban(string country, string bban)
    {
        var check = 98 - Mod97.Remainder(bban + country + "00");
        return country + check.ToString("00", CultureInfo.InvariantCulture) + bban;
    }
}
