using DocSync.Core.Documents;
using DocSync.Core.Tests.Infrastructure;
using DocSync.Core.Validation;

namespace DocSync.Core.Tests.Rendering;

/// <summary>Documents that exercise the renderer.</summary>
public static class RenderSamples
{
    public static readonly DateTimeOffset Now = new(2025, 6, 16, 9, 0, 0, TimeSpan.Zero);

    /// <summary>One line of 10 × 123.456 at 21 %: 1,234.56 excl., 259.26 VAT, 1,493.82 incl.</summary>
    public static DocumentContent Thousands(string buyerCountry = "FR") => DocumentCalculator.Complete(SampleDocuments.Invoice() with
    {
        Buyer = SampleDocuments.Invoice().Buyer! with { Address = new PostalAddress { City = "Paris", Country = buyerCountry } },
        Lines = [new DocumentLine { Description = "Éclairage de la vitrine", Quantity = 10, UnitPrice = 123.456m, VatRate = 21m }],
    });

    /// <summary>An invoice with <paramref name="count"/> numbered lines.</summary>
    public static DocumentContent ManyLines(int count) => DocumentCalculator.Complete(SampleDocuments.Invoice() with
    {
        Lines = [.. Enumerable.Range(1, count).Select(i => new DocumentLine
        {
            Description = $"Line {i:000} Hanglamp Lumière",
            Quantity = i,
            UnitPrice = 10m,
            VatRate = i % 2 == 0 ? 21m : 6m,
        })],
    });
}
