using System.Text;

namespace DocSync.Core.Export.Paths;

/// <summary>Reads a folder layout into segments of parts, refusing it with a message for people.</summary>
internal static class TemplateParser
{
    private static string Known => string.Join(", ", ExportPlaceholders.Names.Select(n => "{" + n + "}"));

    /// <summary>The layout's segments (split on '/'), each a list of literal text and placeholders.</summary>
    /// <exception cref="ExportTemplateException">The layout breaks a rule; the message names it.</exception>
    public static TemplatePart[][] Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Error("template-empty",
                "The folder layout is empty. Write one such as {year}/{type}/{number} {counterparty}.");
        }

        if (text.Length > ExportPathTemplate.MaxLength)
        {
            throw Error("template-too-long",
                $"The folder layout is {text.Length} characters long; keep it to {ExportPathTemplate.MaxLength}.");
        }

        var start = text.TrimStart();
        if (start.StartsWith('/'))
        {
            throw Error("template-absolute",
                "The folder layout starts with '/'. It is relative to the export folder: remove the leading '/'.");
        }

        if (start.Length >= 2 && char.IsAsciiLetter(start[0]) && start[1] == ':')
        {
            throw Error("template-absolute",
                $"The folder layout starts with a drive ('{start[..2]}'). It is relative to the export folder: remove the drive.");
        }

        if (text.Contains('\\', StringComparison.Ordinal))
        {
            throw Error("template-backslash", "The folder layout contains '\\'. Separate folders with '/'.");
        }

        var segments = ReadSegments(text);
        for (var i = 0; i < segments.Count - 1; i++)
        {
            CheckFolder(segments[i]);
        }

        if (!segments[^1].Any(p => p is { IsPlaceholder: true, Text: ExportPlaceholders.Number }))
        {
            throw Error("template-number-missing",
                "The file name (the part after the last '/') must contain {number}, so that two documents never get the same name.");
        }

        return [.. segments.Select(s => s.ToArray())];
    }

    private static List<List<TemplatePart>> ReadSegments(string text)
    {
        var segments = new List<List<TemplatePart>> { new() };
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '/':
                    Flush(segments[^1], literal);
                    segments.Add([]);
                    break;
                case '}':
                    throw Error("template-unbalanced-braces",
                        $"The '}}' at character {i + 1} of the folder layout has no '{{' before it. Braces only surround placeholders such as {{year}}.");
                case '{':
                    var close = text.IndexOfAny(['{', '}', '/'], i + 1);
                    if (close < 0 || text[close] != '}')
                    {
                        throw Error("template-unbalanced-braces",
                            $"The '{{' at character {i + 1} of the folder layout is not closed by a '}}'. Braces only surround placeholders such as {{year}}.");
                    }

                    var name = text[(i + 1)..close].Trim().ToLowerInvariant();
                    if (name.Length == 0)
                    {
                        throw Error("template-empty-placeholder",
                            $"The '{{}}' at character {i + 1} of the folder layout names no placeholder. Use one of {Known}.");
                    }

                    if (!ExportPlaceholders.IsKnown(name))
                    {
                        throw Error("template-unknown-placeholder",
                            $"{text[i..(close + 1)]} is not a placeholder. Use one of {Known}.");
                    }

                    Flush(segments[^1], literal);
                    segments[^1].Add(new TemplatePart(name, IsPlaceholder: true));
                    i = close;
                    break;
                default:
                    literal.Append(text[i]);
                    break;
            }
        }

        Flush(segments[^1], literal);
        return segments;
    }

    private static void CheckFolder(List<TemplatePart> folder)
    {
        if (folder.Any(p => p.IsPlaceholder))
        {
            return;
        }

        var literal = string.Concat(folder.Select(p => p.Text)).Trim();
        if (literal.Length == 0)
        {
            throw Error("template-empty-folder",
                "The folder layout has an empty folder name: two '/' in a row, or only spaces between them.");
        }

        // '.', '..' and other names of only dots mean "here" or "the folder above" to some systems:
        // refused so that no layout can even appear to leave the export folder.
        if (literal.All(c => c is '.' or ' '))
        {
            throw Error("template-dot-folder",
                $"The folder layout uses '{literal}' as a folder name. Names made of dots point outside the export folder and are not allowed.");
        }
    }

    private static void Flush(List<TemplatePart> segment, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            segment.Add(new TemplatePart(literal.ToString(), IsPlaceholder: false));
            literal.Clear();
        }
    }

    private static ExportTemplateException Error(string code, string message) => new(code, message);
}
