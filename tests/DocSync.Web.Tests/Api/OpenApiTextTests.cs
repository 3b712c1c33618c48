using System.Text.RegularExpressions;
using DocSync.Core.Persistence;

namespace DocSync.Web.Tests.Api;

/// <summary>The OpenAPI document reads as documentation: placeholders survive Markdown, no code leaks from doc comments.</summary>
[Collection(WebCollection.Name)]
public sealed partial class OpenApiTextTests(Databases databases)
{
    [Fact]
    public async Task OpenApi_Texts_PlaceholdersInCodeSpansNoCodeReferences()
    {
        await using var app = await DocSyncApp.StartAsync(databases, DatabaseProvider.Sqlite);

        var text = (await app.ApiClient(null).GetJsonAsync("/openapi/v1.json")).ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        text.ShouldContain("`Authorization: Bearer <API key>`");
        text.ShouldContain("`dsk_<prefix>_<secret>`");
        text.ShouldNotContain("&lt;");
        text.ShouldNotContain("&gt;");
        // A placeholder outside a code span is an HTML tag to Markdown: it would vanish on the page.
        BarePlaceholder().Matches(CodeSpan().Replace(text, "")).Select(m => m.Value).ShouldBeEmpty();
        // <see cref="X.Y"/> rendered as "decimal X.Y": a class's member named instead of words.
        CodeReference().Matches(text).Select(m => m.Value).ShouldBeEmpty();
    }

    [GeneratedRegex(@"<[a-zA-Z][\w ]*>")]
    private static partial Regex BarePlaceholder();

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\b(decimal|DateOnly|string|int|Guid|bool) [A-Z]\w+\.[A-Z]\w+|Validation\.\w+|DocumentValidator|DocumentCalculator")]
    private static partial Regex CodeReference();
}
