namespace DocSync.Core.Validation;

/// <summary>One broken rule, naming the field (JSON path style, e.g. <c>lines[2].vatRate</c>).</summary>
/// <param name="Field">The field, in the request's camelCase JSON path.</param>
/// <param name="Code">A stable machine-readable code, e.g. <c>vat-number-checksum</c>.</param>
/// <param name="Message">A sentence for people, naming the rule.</param>
public sealed record ValidationError(string Field, string Code, string Message);
