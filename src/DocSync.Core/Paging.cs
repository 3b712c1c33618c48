using DocSync.Core.Validation;

namespace DocSync.Core;

/// <summary>
/// The bounds of every paged list: page numbers run from 1 to <see cref="MaxPage"/>, so the rows
/// skipped (page − 1) × page size always fit the databases' offsets and a page far past the end is
/// simply empty, never another page or an overflow.
/// </summary>
public static class Paging
{
    /// <summary>The highest page number asked for (with 200 per page: 20 million rows in).</summary>
    public const int MaxPage = 100_000;

    /// <summary>Errors naming <c>page</c> and <c>pageSize</c> when out of range; empty when both are fine.</summary>
    /// <param name="page">The 1-based page number.</param>
    /// <param name="pageSize">Items per page.</param>
    /// <param name="maxPageSize">The list's largest page.</param>
    public static IEnumerable<ValidationError> Check(int page, int pageSize, int maxPageSize)
    {
        if (page is < 1 or > MaxPage)
        {
            yield return new("page", "out-of-range", $"The page number is 1 to {MaxPage}.");
        }

        if (pageSize < 1 || pageSize > maxPageSize)
        {
            yield return new("pageSize", "out-of-range", $"The page size is 1 to {maxPageSize}.");
        }
    }

    /// <summary>A page number a page link or form gave, brought into range (the UI shows the nearest page rather than an error).</summary>
    /// <param name="page">The page number asked for.</param>
    public static int Clamp(int page) => Math.Clamp(page, 1, MaxPage);
}
