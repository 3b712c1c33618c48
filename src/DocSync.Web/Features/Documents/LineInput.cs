namespace DocSync.Web.Features.Documents;

/// <summary>One line of the new-document form.</summary>
public sealed class LineInput
{
    /// <summary>Description.</summary>
    public string? Description { get; set; }

    /// <summary>Quantity.</summary>
    public decimal Quantity { get; set; } = 1;

    /// <summary>Unit price excluding VAT.</summary>
    public decimal? UnitPrice { get; set; }

    /// <summary>VAT rate in percent.</summary>
    public decimal VatRate { get; set; } = 21;
}
