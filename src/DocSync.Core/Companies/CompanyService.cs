using DocSync.Core.Access;
using DocSync.Core.Errors;
using DocSync.Core.Logging;
using DocSync.Core.Persistence;
using DocSync.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DocSync.Core.Companies;

/// <summary>Creates companies and changes the current one.</summary>
public sealed class CompanyService(DocSyncDbContext db, ICompanyContext company, TimeProvider time, ILogger<CompanyService> logger)
{
    /// <summary>
    /// Creates a company with <paramref name="ownerPersonId"/> as its owner (first-run setup, or a
    /// signed-in person starting a new company).
    /// </summary>
    /// <param name="name">Name, 1 to 200 characters.</param>
    /// <param name="country">Two-letter country code of its seat.</param>
    /// <param name="vatNumber">Its VAT number, if any; checked and normalized.</param>
    /// <param name="ownerPersonId">The person who becomes owner.</param>
    /// <param name="isDemo">Whether the demo seeder makes it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<Company> CreateAsync(string name, string country, string? vatNumber, Guid ownerPersonId, bool isDemo = false,
        CancellationToken cancellationToken = default)
    {
        var errors = Check(name, country, vatNumber);
        if (!await db.Users.AnyAsync(p => p.Id == ownerPersonId, cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new("ownerPersonId", "not-found", "No such person."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var now = time.GetUtcNow();
        var created = new Company
        {
            Id = Guid.CreateVersion7(now),
            Name = name.Trim(),
            Country = country,
            VatNumber = vatNumber is null ? null : VatNumbers.Normalize(vatNumber),
            CreatedAt = now,
            IsDemo = isDemo,
        };
        db.Companies.Add(created);
        db.Memberships.Add(new Membership
        {
            Id = Guid.CreateVersion7(now),
            CompanyId = created.Id,
            PersonId = ownerPersonId,
            Role = CompanyRole.Owner,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        Log.CompanyCreated(logger, created.Id, ownerPersonId);
        return created;
    }

    /// <summary>The current company.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<Company> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        var id = company.CompanyId;
        return await db.Companies.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes the current company's name, country and VAT number. Needs <see cref="Right.ManageCompany"/>.</summary>
    /// <param name="name">New name.</param>
    /// <param name="country">New country code.</param>
    /// <param name="vatNumber">New VAT number, if any.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public async Task<Company> UpdateCurrentAsync(string name, string country, string? vatNumber, CancellationToken cancellationToken = default)
    {
        company.Demand(Right.ManageCompany);
        var errors = Check(name, country, vatNumber);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var id = company.CompanyId;
        var current = await db.Companies.SingleAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
        current.Name = name.Trim();
        current.Country = country;
        current.VatNumber = vatNumber is null ? null : VatNumbers.Normalize(vatNumber);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return current;
    }

    private static List<ValidationError> Check(string name, string country, string? vatNumber)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            errors.Add(new("name", "required", "A company name has 1 to 200 characters."));
        }

        if (country is null || country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            errors.Add(new("country", "country-format", "The country is a 2-letter upper-case ISO 3166 code, e.g. BE."));
        }

        if (vatNumber is not null && VatNumbers.Check(vatNumber, "vatNumber") is { } vat)
        {
            errors.Add(vat);
        }

        return errors;
    }
}
