namespace DocSync.Dropbox.Emulator.Routes;

/// <summary>Lets the admin API read a cursor's lineage and store without exposing the cursor format.</summary>
public static class ListCursorAccess
{
    public static (string Lineage, string Store)? Lineage(string cursor, int seed) =>
        ListCursor.Decode(cursor, ListCursor.KeyFor(seed)) is { } decoded ? (decoded.Lineage, decoded.StoreNamespaceId) : null;
}
