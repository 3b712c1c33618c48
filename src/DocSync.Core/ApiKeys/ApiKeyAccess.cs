using DocSync.Core.Companies;

namespace DocSync.Core.ApiKeys;

/// <summary>What an API key may do in its company.</summary>
public enum ApiKeyAccess
{
    /// <summary><see cref="Right.ViewDocuments"/> only.</summary>
    ReadOnly = 1,

    /// <summary><see cref="Right.ViewDocuments"/> and <see cref="Right.EditDocuments"/>.</summary>
    ReadWrite = 2,
}
