namespace DocSync.Web.Tests.Export.Crash;

/// <summary>The export queue as the database holds it.</summary>
/// <param name="Pending">Tasks not dead (waiting, due or being worked on).</param>
/// <param name="Dead">Tasks in the dead-letter list.</param>
/// <param name="Outbox">Outbox messages not yet turned into tasks.</param>
/// <param name="Exported">ExportedFile rows.</param>
public sealed record QueueState(int Pending, int Dead, int Outbox, int Exported)
{
    public bool Drained => Pending == 0 && Outbox == 0;
}
