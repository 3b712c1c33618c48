namespace DocSync.Core.Export.Paths;

/// <summary>A piece of one folder-layout segment: literal text, or a placeholder's name (lower case, no braces).</summary>
/// <param name="Text">The literal text or the placeholder's name.</param>
/// <param name="IsPlaceholder">Whether <paramref name="Text"/> names a placeholder.</param>
internal readonly record struct TemplatePart(string Text, bool IsPlaceholder);
