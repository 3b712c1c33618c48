using DocSync.Core.Access;
using DocSync.Core.Auditing;

namespace DocSync.Core.Documents;

/// <summary>Remembers a create request's idempotency key, the hash of its payload and what it made.</summary>
public sealed class IdempotencyRecord : ICompanyScoped, IAuditExempt
{
    /// <summary>The row's id.</summary>
    public Guid Id { get; set; }

    /// <inheritdoc />
    public Guid CompanyId { get; set; }

    /// <summary>The key the client sent; unique per company.</summary>
    public required string Key { get; set; }

    /// <summary>SHA-256 of the request payload, hex: the same key with another payload is refused.</summary>
    public required string RequestHash { get; set; }

    /// <summary>The document the first request made.</summary>
    public Guid DocumentId { get; set; }

    /// <summary>When the first request was handled.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
