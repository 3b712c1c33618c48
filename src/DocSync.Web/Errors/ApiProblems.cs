using System.Diagnostics;
using DocSync.Core.Validation;
using Microsoft.AspNetCore.Mvc;

namespace DocSync.Web.Errors;

/// <summary>Builds the API's <c>application/problem+json</c> answers (RFC 9457).</summary>
internal static class ApiProblems
{
    /// <summary>The base of every problem <c>type</c>; the code follows it.</summary>
    public const string TypeBase = "https://docsync.dev/problems/";

    public static ProblemDetails Create(HttpContext context, int status, string code, string detail, IReadOnlyList<ValidationError>? errors = null)
    {
        var problem = new ProblemDetails
        {
            Type = TypeBase + code,
            Title = Title(status),
            Status = status,
            Detail = detail,
            Instance = context.Request.Path,
        };
        problem.Extensions["code"] = code;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        if (errors is { Count: > 0 })
        {
            problem.Extensions["errors"] = errors.Select(e => new { field = e.Field, code = e.Code, message = e.Message }).ToList();
        }

        return problem;
    }

    public static async Task WriteAsync(HttpContext context, int status, string code, string detail, IReadOnlyList<ValidationError>? errors = null)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(Create(context, status, code, detail, errors), options: null, contentType: "application/problem+json");
    }

    public static IResult Result(HttpContext context, int status, string code, string detail, IReadOnlyList<ValidationError>? errors = null) =>
        TypedResults.Problem(Create(context, status, code, detail, errors));

    private static string Title(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthenticated",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        412 => "Precondition failed",
        413 => "Payload too large",
        415 => "Unsupported media type",
        422 => "Invalid document",
        _ => "Error",
    };
}
