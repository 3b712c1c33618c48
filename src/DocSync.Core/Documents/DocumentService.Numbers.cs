using DocSync.Core.Companies;
using DocSync.Core.Errors;
using Microsoft.EntityFrameworkCore;

namespace DocSync.Core.Documents;

public sealed partial class DocumentService
{
    /// <summary>
    /// The next free number for a new document of <paramref name="type"/> issued in
    /// <paramref name="year"/> (default: this year), following the company's own numbering (see
    /// <see cref="DocumentNumbers.Suggest"/>). Needs <see cref="Right.EditDocuments"/>.
    /// </summary>
    /// <param name="type">The document type.</param>
    /// <param name="year">The issue date's year; null for the current year.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<string> SuggestNumberAsync(DocumentType type, int? year = null, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.EditDocuments);
        if (!Enum.IsDefined(type))
        {
            throw new ValidationFailedException("type", "unknown-type", "The document type is not one DocSync knows.");
        }

        if (year is < 1900 or > 9999)
        {
            throw new ValidationFailedException("year", "year", "The year has four digits, from 1900.");
        }

        var forYear = year ?? time.GetUtcNow().Year;

        // The year's numbers decide; earlier years are needed only for their pattern, so one row is enough.
        var numbers = await db.Documents.AsNoTracking()
            .Where(d => d.Type == type && d.DeletedAt == null && d.IssueDate.Year == forYear)
            .Select(d => new { d.Number, d.IssueDate })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (numbers.Count == 0)
        {
            numbers = await db.Documents.AsNoTracking()
                .Where(d => d.Type == type && d.DeletedAt == null && d.IssueDate.Year < forYear)
                .OrderByDescending(d => d.IssueDate).ThenByDescending(d => d.Number)
                .Select(d => new { d.Number, d.IssueDate })
                .Take(20)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var suggestion = DocumentNumbers.Suggest(type, forYear, numbers.Select(n => (n.Number, n.IssueDate)).ToList());

        // Numbers of other years (or typed by hand) may already hold the suggestion: step past them.
        while (await NumberTakenAsync(type, suggestion, null, cancellationToken).ConfigureAwait(false))
        {
            suggestion = DocumentNumbers.Suggest(type, forYear, [.. numbers.Select(n => (n.Number, n.IssueDate)), (suggestion, new DateOnly(forYear, 1, 1))]);
            numbers.Add(new { Number = suggestion, IssueDate = new DateOnly(forYear, 1, 1) });
        }

        return suggestion;
    }

    private Task<bool> NumberTakenAsync(DocumentType type, string number, Guid? except, CancellationToken cancellationToken) =>
        db.Documents.AsNoTracking().AnyAsync(d => d.Type == type && d.NumberKey == number && d.Id != except, cancellationToken);

    private async Task DemandFreeNumberAsync(DocumentType type, string number, Guid? except, CancellationToken cancellationToken)
    {
        if (await NumberTakenAsync(type, number, except, cancellationToken).ConfigureAwait(false))
        {
            throw NumberTaken(number);
        }
    }

    private static ConflictException NumberTaken(string number) =>
        new("number", "number-taken", $"Another document of this type already has the number {number}; choose another number.");

    private static bool IsNumberClash(DbUpdateException e) =>
        e.Entries.Count == 0 || e.Entries.Any(entry => entry.Entity is Document);
}
