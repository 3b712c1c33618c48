using System.Globalization;

namespace DocSync.Core.Rendering;

/// <summary>
/// Formats dates, quantities, rates and amounts in a language's Belgian-style culture: en-GB
/// (<c>€1,234.56</c>), nl-BE (<c>€ 1.234,56</c>), fr-BE (<c>1 234,56 €</c>). The culture's currency
/// symbol is replaced by the document's: €, $, £ or ¥ for EUR, USD, GBP and JPY, else the ISO code.
/// </summary>
internal sealed class DocumentFormat
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["EUR"] = "€", ["USD"] = "$", ["GBP"] = "£", ["JPY"] = "¥",
    };

    private readonly CultureInfo _culture;
    private readonly NumberFormatInfo _money;

    public DocumentFormat(string language, string currency)
    {
        _culture = CultureInfo.GetCultureInfo(language switch
        {
            "nl" => "nl-BE",
            "fr" => "fr-BE",
            _ => "en-GB",
        });
        _money = (NumberFormatInfo)_culture.NumberFormat.Clone();
        if (Symbols.TryGetValue(currency, out var symbol))
        {
            _money.CurrencySymbol = symbol;
        }
        else
        {
            // An ISO code reads better apart from the number: "CHF 1,234.56", "1 234,56 CHF".
            _money.CurrencySymbol = currency;
            if (_money.CurrencyPositivePattern == 0)
            {
                (_money.CurrencyPositivePattern, _money.CurrencyNegativePattern) = (2, 12);
            }
        }
    }

    public CultureInfo Culture => _culture;

    /// <summary>A date, e.g. <c>1 June 2025</c>, <c>1 juni 2025</c>, <c>1 juin 2025</c>.</summary>
    public string Date(DateOnly date) => date.ToString("d MMMM yyyy", _culture);

    /// <summary>An amount with its currency, to the cent.</summary>
    public string Money(decimal amount) => amount.ToString("C2", _money);

    /// <summary>A unit price with its currency: 2 to 4 decimals, as many as it has.</summary>
    public string UnitPrice(decimal amount) => amount.ToString("C" + Math.Clamp(Scale(amount), 2, 4).ToString(CultureInfo.InvariantCulture), _money);

    /// <summary>A quantity with the decimals it has (at most 4).</summary>
    public string Quantity(decimal quantity) => quantity.ToString("#,##0.####", _culture);

    /// <summary>A VAT rate, e.g. <c>21%</c> or <c>5,5%</c>.</summary>
    public string Rate(decimal rate) => rate.ToString("0.##", _culture) + "%";

    // The decimals a value needs, trailing zeros aside (12.3350 → 3).
    private static int Scale(decimal value)
    {
        var scale = value.Scale;
        while (scale > 0 && decimal.Round(value, scale - 1) == value)
        {
            scale--;
        }

        return scale;
    }
}
