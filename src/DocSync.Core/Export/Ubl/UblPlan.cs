namespace DocSync.Core.Export.Ubl;

/// <summary>Everything the UBL will say, decided and checked by <see cref="UblPlanner"/> before any XML is built.</summary>
internal sealed record UblPlan
{
    public required bool IsCreditNote { get; init; }

    public required string Number { get; init; }

    public required DateOnly IssueDate { get; init; }

    public DateOnly? DueDate { get; init; }

    public required string Currency { get; init; }

    public string? Note { get; init; }

    public string? BuyerReference { get; init; }

    public string? OrderReference { get; init; }

    public string? InvoiceReference { get; init; }

    public required UblPartyPlan Seller { get; init; }

    public required UblPartyPlan Buyer { get; init; }

    public UblPaymentPlan? Payment { get; init; }

    public string? PaymentTerms { get; init; }

    public required IReadOnlyList<UblLinePlan> Lines { get; init; }

    public required IReadOnlyList<UblTaxRowPlan> TaxRows { get; init; }

    public required decimal LineTotal { get; init; }

    public required decimal TaxTotal { get; init; }

    public decimal TotalInclVat => LineTotal + TaxTotal;
}
