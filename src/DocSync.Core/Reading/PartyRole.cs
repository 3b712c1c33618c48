namespace DocSync.Core.Reading;

/// <summary>Whose details a part of a document gives.</summary>
internal enum PartyRole
{
    Unknown,
    Supplier,
    Customer,
}
