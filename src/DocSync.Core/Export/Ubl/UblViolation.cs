namespace DocSync.Core.Export.Ubl;

/// <summary>One business rule a UBL document breaks, found by <see cref="UblRules.Check"/>.</summary>
/// <param name="RuleId">The rule's identifier as Peppol and EN 16931 name it, e.g. <c>BR-CO-15</c> or <c>PEPPOL-EN16931-R003</c>.</param>
/// <param name="Message">A sentence for people: what the rule asks and what the document has.</param>
/// <param name="Location">Where in the XML, as a simple path, e.g. <c>/Invoice/InvoiceLine[2]/Price</c>.</param>
public sealed record UblViolation(string RuleId, string Message, string Location);
