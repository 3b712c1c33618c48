namespace DocSync.Core.Auditing;

/// <summary>
/// Marks an entity whose changes are not audited because it is itself a record of a change (the
/// audit log, the outbox) or bookkeeping of one (idempotency keys). Every other change is audited.
/// </summary>
public interface IAuditExempt;
