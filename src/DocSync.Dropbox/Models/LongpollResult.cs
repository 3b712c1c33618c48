namespace DocSync.Dropbox;

/// <summary>The answer of <c>list_folder/longpoll</c>.</summary>
public sealed record LongpollResult
{
    /// <summary>True when changes are waiting behind the cursor.</summary>
    public bool Changes { get; init; }

    /// <summary>Wait at least this long before the next longpoll, when set.</summary>
    public TimeSpan? Backoff { get; init; }

    /// <summary>True when the cursor was reset: list again from scratch.</summary>
    public bool IsReset { get; init; }
}
