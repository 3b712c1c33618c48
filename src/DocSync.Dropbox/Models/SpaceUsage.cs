namespace DocSync.Dropbox;

/// <summary>Storage used and allocated (<c>users/get_space_usage</c>).</summary>
public sealed record SpaceUsage
{
    /// <summary>Bytes the user uses.</summary>
    public long Used { get; init; }

    /// <summary>The allocation: individual or team.</summary>
    public SpaceAllocation Allocation { get; init; } = new();
}
