namespace DocSync.Core.Export.Paths;

/// <summary>A folder layout that <see cref="ExportPathTemplate.Parse"/> refuses; the message is for people.</summary>
public sealed class ExportTemplateException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">A stable machine-readable code, e.g. <c>template-unknown-placeholder</c>.</param>
    /// <param name="message">A sentence for people naming the rule broken.</param>
    public ExportTemplateException(string code, string message)
        : base(message) => Code = code;

    /// <summary>
    /// A stable machine-readable code: <c>template-empty</c>, <c>template-too-long</c>,
    /// <c>template-absolute</c>, <c>template-backslash</c>, <c>template-empty-folder</c>,
    /// <c>template-dot-folder</c>, <c>template-unbalanced-braces</c>, <c>template-empty-placeholder</c>,
    /// <c>template-unknown-placeholder</c> or <c>template-number-missing</c>.
    /// </summary>
    public string Code { get; }
}
