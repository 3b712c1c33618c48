namespace DocSync.Web.Features.Documents;

/// <summary>One line of the document form.</summary>
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

    /// <summary>Whether nothing was typed on the line (it is skipped).</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Description) && UnitPrice is null;
}
