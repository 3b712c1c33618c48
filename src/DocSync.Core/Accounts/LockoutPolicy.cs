namespace DocSync.Core.Accounts;

/// <summary>
/// Progressive lockout: the n-th lockout in a row lasts <c>first × 2^(n−1)</c>, never longer than
/// the cap. A successful sign-in starts the count again. Pure, so it is tested as a table.
/// </summary>
public static class LockoutPolicy
{
    /// <summary>How long the <paramref name="lockoutInARow"/>-th lockout in a row lasts (1 for the first).</summary>
    /// <param name="lockoutInARow">1, 2, 3…</param>
    /// <param name="first">The first lockout's length.</param>
    /// <param name="max">The cap.</param>
    public static TimeSpan Duration(int lockoutInARow, TimeSpan first, TimeSpan max)
    {
        var n = Math.Clamp(lockoutInARow, 1, 40) - 1;
        var ticks = first.Ticks * Math.Pow(2, n);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
