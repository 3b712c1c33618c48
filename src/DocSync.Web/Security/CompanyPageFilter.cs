using System.Reflection;
using DocSync.Core.Access;
using DocSync.Core.Errors;
using DocSync.Core.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DocSync.Web.Security;

/// <summary>
/// Enters the company named by a page's <c>{companyId}</c> route value for the signed-in person.
/// Not a member: 404, the company's existence is not revealed. Member without the page's
/// <see cref="RequireRightAttribute"/> right: 403. Services that refuse later map the same way;
/// validation failures land in the page's model state.
/// </summary>
public sealed class CompanyPageFilter(CompanyAccess access, CompanyContext companyContext) : IAsyncPageFilter
{
    /// <summary>The key under which the entered scope is kept in <see cref="HttpContext.Items"/>.</summary>
    public const string ScopeItem = "docsync.scope";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.RouteData.Values.TryGetValue("companyId", out var raw) && raw is not null)
        {
            var personId = context.HttpContext.User.PersonId();
            var scope = personId is { } id && Guid.TryParse(raw.ToString(), out var companyId)
                ? await access.ForPersonAsync(id, companyId, context.HttpContext.RequestAborted)
                : null;
            if (scope is null)
            {
                context.Result = new NotFoundResult();
                return;
            }

            companyContext.Enter(scope);
            context.HttpContext.Items[ScopeItem] = scope;
            foreach (var required in context.HandlerInstance.GetType().GetCustomAttributes<RequireRightAttribute>())
            {
                if (!scope.Rights.Contains(required.Right))
                {
                    context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                    return;
                }
            }
        }

        var executed = await next();
        switch (executed.Exception)
        {
            case AccessDeniedException:
                executed.ExceptionHandled = true;
                executed.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                break;
            case NotFoundException:
                executed.ExceptionHandled = true;
                executed.Result = new NotFoundResult();
                break;
            case ValidationFailedException failed when executed.HandlerInstance is PageModel page:
                executed.ExceptionHandled = true;
                foreach (var error in failed.Errors)
                {
                    page.ModelState.AddModelError(error.Field, Localization.ValidationTexts.Message(Texts(context), error));
                }

                executed.Result = page.Page();
                break;
            case ConflictException conflict when executed.HandlerInstance is PageModel page:
                executed.ExceptionHandled = true;
                page.ModelState.AddModelError(conflict.Field == "number" ? "Input.Number" : string.Empty, Localization.ValidationTexts.Message(Texts(context), conflict.Field, conflict.Code, conflict.Message));
                executed.Result = page.Page();
                break;
        }
    }

    private static Localization.Texts Texts(FilterContext context) => context.HttpContext.RequestServices.GetRequiredService<Localization.Texts>();
}
