namespace DocSync.Core.Export.Ubl;

/// <summary>An identifier with its scheme, e.g. a Peppol electronic address <c>0208:0477472701</c>.</summary>
/// <param name="SchemeId">
/// The scheme's 4-digit code: from Peppol's Electronic Address Scheme (EAS) list for an endpoint, from the ISO 6523
/// ICD list for a legal registration identifier (e.g. <c>0208</c> Belgian enterprise number, <c>0106</c> Dutch KvK).
/// </param>
/// <param name="Value">The identifier itself, e.g. <c>0477472701</c>.</param>
public sealed record UblIdentifier(string SchemeId, string Value);
