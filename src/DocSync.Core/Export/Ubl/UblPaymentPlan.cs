namespace DocSync.Core.Export.Ubl;

/// <summary>Payment instructions (<c>cac:PaymentMeans</c>).</summary>
/// <param name="MeansCode">UNCL 4461 code: <c>58</c> SEPA credit transfer, <c>30</c> other credit transfer.</param>
/// <param name="Iban">The payee's IBAN, without spaces.</param>
/// <param name="PaymentId">Remittance information to quote.</param>
internal sealed record UblPaymentPlan(string MeansCode, string Iban, string? PaymentId);
