using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Documents;
using DocSync.Core.Logging;
using DocSync.Core.Organizing;
using DocSync.Core.Persistence;
using DocSync.Core.Validation;
using Microsoft.Extensions.Logging;

namespace DocSync.Core.Demo;

/// <summary>
/// Fills a sample company with a few dozen realistic documents (sales invoices to Belgian, French
/// and Dutch customers, purchase invoices, credit notes, quotes), so a newcomer sees a living
/// system. Deterministic: the same clock gives the same documents.
/// </summary>
public sealed class DemoSeeder(
    DocSyncDbContext db,
    CompanyContext companyContext,
    CompanyService companies,
    BinderService binders,
    DocumentService documents,
    TimeProvider time,
    ILogger<DemoSeeder> logger)
{
    private static readonly (string Description, decimal Price, decimal Rate)[] Catalogue =
    [
        ("Hanglamp Lumière 40 cm", 189.00m, 21m), ("Wandlamp messing", 74.50m, 21m), ("Led-lamp E27 2700 K", 6.95m, 21m),
        ("Installation sur site (heure)", 65.00m, 21m), ("Verlichtingsadvies (uur)", 85.00m, 21m), ("Catalogue imprimé", 12.00m, 6m),
        ("Transport", 35.00m, 21m), ("Ontwerpboek verlichting", 29.90m, 6m),
    ];

    /// <summary>Creates the demo company (owned by <paramref name="ownerPersonId"/>) and its documents; returns the company.</summary>
    /// <param name="ownerPersonId">The person who owns the demo company.</param>
    /// <param name="documentCount">How many documents. Default 36.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<Company> SeedAsync(Guid ownerPersonId, int documentCount = 36, CancellationToken cancellationToken = default)
    {
        var own = DemoParties.Own;
        var company = await companies.CreateAsync(own.Name, "BE", own.VatNumber, ownerPersonId, isDemo: true, cancellationToken).ConfigureAwait(false);
        companyContext.Enter(CompanyScope.System(company.Id));
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var sales = await binders.CreateAsync($"Verkopen {today.Year}", "Sales", cancellationToken).ConfigureAwait(false);
        var purchases = await binders.CreateAsync($"Aankopen {today.Year}", "Purchases", cancellationToken).ConfigureAwait(false);
        var random = new Random(4242);
        for (var i = 0; i < documentCount; i++)
        {
            var type = (i % 9) switch
            {
                0 or 1 or 2 or 3 or 4 => DocumentType.Invoice,
                5 or 6 => DocumentType.PurchaseInvoice,
                7 => DocumentType.Quote,
                _ => DocumentType.CreditNote,
            };
            var purchase = type == DocumentType.PurchaseInvoice;
            var other = purchase ? DemoParties.Suppliers[random.Next(DemoParties.Suppliers.Count)] : DemoParties.Customers[random.Next(DemoParties.Customers.Count)];
            var issued = today.AddDays(-3 * (documentCount - i));
            var lines = Enumerable.Range(0, random.Next(1, 5)).Select(_ =>
            {
                var (description, price, rate) = Catalogue[random.Next(Catalogue.Length)];
                return new DocumentLine { Description = description, Quantity = random.Next(1, 6), UnitPrice = price, VatRate = rate };
            }).ToList();
            var content = DocumentCalculator.Complete(new DocumentContent
            {
                Type = type,
                Number = $"{Prefix(type)}{issued.Year}-{i + 1:0000}",
                IssueDate = issued,
                DueDate = type is DocumentType.Invoice or DocumentType.PurchaseInvoice ? issued.AddDays(30) : null,
                Currency = "EUR",
                Seller = purchase ? other : own,
                Buyer = purchase ? own : other,
                Lines = lines,
                Totals = new DocumentTotals(),
            });
            await documents.CreateAsync(new CreateDocumentRequest
            {
                Content = content,
                Status = issued < today.AddDays(-45) ? DocumentStatus.Paid : DocumentStatus.Sent,
                BinderId = purchase ? purchases.Id : sales.Id,
                IdempotencyKey = $"demo-{i}",
            }, cancellationToken).ConfigureAwait(false);
        }

        db.ChangeTracker.Clear();
        Log.DemoSeeded(logger, company.Id, documentCount);
        return company;
    }

    private static string Prefix(DocumentType type) => type switch
    {
        DocumentType.Invoice => "F",
        DocumentType.PurchaseInvoice => "AF",
        DocumentType.Quote => "O",
        _ => "CN",
    };
}
