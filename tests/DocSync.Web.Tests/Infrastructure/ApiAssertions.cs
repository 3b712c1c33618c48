using System.Net;
using System.Text.Json.Nodes;

namespace DocSync.Web.Tests.Infrastructure;

/// <summary>Assertions on API answers: status, media type and the problem+json shape.</summary>
public static class ApiAssertions
{
    /// <summary>
    /// Asserts an <c>application/problem+json</c> answer with <paramref name="status"/>, a code and a
    /// trace id; when <paramref name="field"/> is given, that one of <c>errors[].field</c> names it.
    /// Returns the problem.
    /// </summary>
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null, string? code = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = JsonNode.Parse(text).ShouldBeOfType<JsonObject>();
        problem["status"]?.GetValue<int>().ShouldBe((int)status, text);
        problem["code"]?.GetValue<string>().ShouldNotBeNullOrEmpty(text);
        problem["traceId"]?.GetValue<string>().ShouldNotBeNullOrEmpty(text);
        if (code is not null)
        {
            problem["code"]!.GetValue<string>().ShouldBe(code, text);
        }

        if (field is not null)
        {
            Fields(problem).ShouldContain(field, text);
            foreach (var error in problem["errors"]!.AsArray())
            {
                error!["code"]!.GetValue<string>().ShouldNotBeNullOrEmpty(text);
                error["message"]!.GetValue<string>().ShouldNotBeNullOrEmpty(text);
            }
        }

        return problem;
    }

    /// <summary>The fields named by a problem's <c>errors</c>.</summary>
    public static IReadOnlyList<string> Fields(JsonObject problem) =>
        problem["errors"] is JsonArray errors ? errors.Select(e => e!["field"]!.GetValue<string>()).ToList() : [];

    /// <summary>Asserts <paramref name="status"/> and a JSON body; returns the body.</summary>
    public static async Task<JsonNode> ShouldBeJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json", text);
        return JsonNode.Parse(text)!;
    }
}
