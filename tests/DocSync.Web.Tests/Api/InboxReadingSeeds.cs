using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Organizing;
using DocSync.Core.Reading;
using Microsoft.Extensions.DependencyInjection;

namespace DocSync.Web.Tests.Api;

/// <summary>Puts inbox items that were read (text, fields) in a tenant's company, through the app's <see cref="InboxService"/>.</summary>
public static class InboxReadingSeeds
{
    /// <summary>Receives a PDF whose reading gave <paramref name="text"/> and <paramref name="fields"/>; returns the item.</summary>
    public static async Task<InboxItemInfo> ReceiveReadItemAsync(this TestTenant tenant, string fileName, string text, ExtractedFields? fields = null,
        InboxSource source = InboxSource.Api, InboxReadState state = InboxReadState.Read, string method = "ocr", string? language = "en", string? problem = null)
    {
        await using var scope = tenant.EnterCompany();
        using var content = new MemoryStream(SampleDocuments.Pdf(fileName));
        var reading = new InboxReading(state, method, text, language, fields ?? ExtractedFields.None, problem);
        var receipt = await scope.ServiceProvider.GetRequiredService<InboxService>()
            .ReceiveAsync(source, null, fileName, "application/pdf", content, reading: reading);
        return receipt.Item;
    }

    /// <summary>Rejects a pending item as its owner would.</summary>
    public static async Task RejectInboxItemAsync(this TestTenant tenant, Guid itemId)
    {
        await using var scope = tenant.EnterCompany();
        await scope.ServiceProvider.GetRequiredService<InboxService>().RejectAsync(itemId);
    }

    /// <summary>The fields of an invoice of <paramref name="supplier"/>, found with <paramref name="confidence"/>.</summary>
    public static ExtractedFields Invoice(string number, string total, string supplier = "Groothandel Licht NV", string? vatNumber = "BE0477472701",
        double confidence = 0.6) => new()
    {
        SupplierName = new ExtractedField(supplier, 0.3),
        VatNumber = vatNumber is null ? null : new ExtractedField(vatNumber, 0.95),
        InvoiceNumber = new ExtractedField(number, confidence),
        InvoiceDate = new ExtractedField("2026-03-15", 0.9),
        DueDate = new ExtractedField("2026-04-14", 0.6),
        Total = new ExtractedField(total, confidence),
        VatAmount = new ExtractedField("10.50", 0.9),
        Iban = new ExtractedField("BE68539007547034", 0.95),
        Currency = new ExtractedField("EUR", 0.9),
    };

    private static AsyncServiceScope EnterCompany(this TestTenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var scope = tenant.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CompanyContext>().Enter(new CompanyScope(tenant.CompanyId, Actor.Person(tenant.OwnerId), RoleRights.All));
        return scope;
    }
}
