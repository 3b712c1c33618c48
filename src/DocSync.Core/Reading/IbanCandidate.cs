namespace DocSync.Core.Reading;

/// <summary>A checksum-valid IBAN found in the text.</summary>
internal sealed record IbanCandidate(string Value, int Line, int Start, int End, bool Labelled, PartyRole Role);
