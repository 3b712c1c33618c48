using Microsoft.EntityFrameworkCore;
using DocSync.Core.Access;
using DocSync.Core.Companies;
using DocSync.Core.Demo;
using DocSync.Core.Errors;
using DocSync.Core.Persistence;
using DocSync.Web.Hosting;
using DocSync.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace DocSync.Web.Features.Account;

/// <summary>First run: creates the first owner and company (there is no default password). Gone once anyone exists.</summary>
public sealed class SetupModel(
    UserManager<Person> users,
    SignInManager<Person> signIn,
    CompanyService companies,
    DemoSeeder demo,
    DocSyncDbContext db,
    CompanyContext companyContext,
    IOptions<WebOptions> options,
    Texts texts) : PageModel
{
    private static readonly SemaphoreSlim Once = new(1, 1);

    /// <summary>The form.</summary>
    [BindProperty]
    public SetupInput Input { get; set; } = new();

    /// <summary>Shows the form, with the demo box ticked when the server runs with the demo flag.</summary>
    public void OnGet() => Input.Demo = options.Value.Demo;

    /// <summary>Creates the owner, the company and optionally the demo company; signs the owner in.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (string.IsNullOrWhiteSpace(Input.DisplayName))
        {
            ModelState.AddModelError("Input.DisplayName", texts["error.displayNameRequired"]);
        }

        if (string.IsNullOrWhiteSpace(Input.CompanyName))
        {
            ModelState.AddModelError("Input.CompanyName", texts["error.companyNameRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await Once.WaitAsync(cancellationToken);
        try
        {
            if (await db.Users.AnyAsync(cancellationToken))
            {
                return Redirect("/");
            }

            var owner = new Person
            {
                Id = Guid.CreateVersion7(),
                UserName = Input.Email.Trim(),
                Email = Input.Email.Trim(),
                EmailConfirmed = true,
                DisplayName = Input.DisplayName.Trim(),
                CreatedAt = DateTimeOffset.UtcNow,
                Culture = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            };
            var created = await users.CreateAsync(owner, Input.Password);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", error.Description);
                }

                return Page();
            }

            Company company;
            try
            {
                company = await companies.CreateAsync(Input.CompanyName.Trim(), Input.Country, string.IsNullOrWhiteSpace(Input.VatNumber) ? null : Input.VatNumber.Trim(), owner.Id, cancellationToken: cancellationToken);
            }
            catch (ValidationFailedException failed)
            {
                // Nobody may be left without a company: undo the owner so setup can be tried again.
                await users.DeleteAsync(owner);
                foreach (var error in failed.Errors)
                {
                    ModelState.AddModelError("Input." + char.ToUpperInvariant(error.Field[0]) + error.Field[1..], error.Message);
                }

                return Page();
            }

            var landing = company.Id;
            if (Input.Demo)
            {
                // The newcomer lands in the living demo; their own company is one switch away.
                landing = (await demo.SeedAsync(owner.Id, cancellationToken: cancellationToken)).Id;
                companyContext.Leave();
            }

            await signIn.SignInAsync(owner, isPersistent: false);
            return Redirect($"/c/{landing}/overview");
        }
        finally
        {
            Once.Release();
        }
    }
}
