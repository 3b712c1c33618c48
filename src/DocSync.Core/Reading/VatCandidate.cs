namespace DocSync.Core.Reading;

/// <summary>A VAT number found in the text.</summary>
/// <param name="Value">Compact, with its country prefix: <c>BE0477472701</c>.</param>
/// <param name="Valid">Whether its check digits hold.</param>
/// <param name="Labelled">Whether a VAT label ("VAT", "TVA", "BTW", "Ondernemingsnummer"…) precedes it.</param>
/// <param name="Line">The line it is on.</param>
/// <param name="Start">Where it starts on the line, prefix included.</param>
/// <param name="Role">The block it is in.</param>
/// <param name="NearIban">Whether an IBAN is printed within two lines: the payee's details go together.</param>
internal sealed record VatCandidate(string Value, bool Valid, bool Labelled, int Line, int Start, PartyRole Role, bool NearIban);
