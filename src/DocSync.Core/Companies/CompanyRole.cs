namespace DocSync.Core.Companies;

/// <summary>A person's role in one company; <see cref="RoleRights"/> maps it to rights.</summary>
public enum CompanyRole
{
    /// <summary>Holds every right; a company always keeps at least one owner.</summary>
    Owner = 1,

    /// <summary>Every right but <see cref="Right.ManageCompany"/>.</summary>
    Admin = 2,

    /// <summary>The company's accountant (often member of many companies): documents, inbox, binders, collection, audit.</summary>
    Accountant = 3,

    /// <summary>An employee: documents, inbox and folders.</summary>
    Member = 4,

    /// <summary>Someone outside the company (e.g. the destination user of a collection channel): views documents only.</summary>
    External = 5,
}
