using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace DocSync.Core.Export.Paths;

/// <summary>
/// A folder layout such as <c>{year}/{type}/{number} {counterparty}</c>: where each exported
/// document lands, relative to the profile's export folder and without the extension.
/// </summary>
/// <remarks>
/// <para>
/// '/' separates folders; the part after the last '/' is the file name, to which the exporter adds
/// <c>.pdf</c>, <c>.xml</c> or an attachment suffix. Text between placeholders is kept. Placeholders
/// are written in braces, in any case (<c>{Year}</c> is <c>{year}</c>): <c>{company}</c>,
/// <c>{year}</c> (2025), <c>{month}</c> (01–12), <c>{quarter}</c> (Q1–Q4), <c>{date}</c>
/// (2025-03-14), <c>{type}</c> (the type's name in the profile's language), <c>{number}</c>,
/// <c>{counterparty}</c>, <c>{seller}</c>, <c>{buyer}</c> and <c>{status}</c>. Braces cannot be
/// written as text.
/// </para>
/// <para>
/// <c>{counterparty}</c> is the customer for what the company sold and the supplier for purchase
/// invoices and receipts; when the document does not name one, DocSync uses the seller of a
/// purchase invoice or receipt and the buyer of anything else.
/// </para>
/// <para>
/// Every folder and file name is made safe with <see cref="DropboxNames.SanitizeSegment"/>, after
/// the placeholders are filled in: a value can never add a folder ("ACME/../x" stays one name,
/// "ACME-..-x"), and the path always has as many folders as the layout. A name left empty, say
/// <c>{buyer}</c> for a document without a buyer, becomes "_" rather than disappearing, so every
/// document of a layout sits at the same depth. The file name must contain <c>{number}</c>, so two
/// documents never get one name by design; the exporter still checks <see cref="DropboxNames.Key"/>
/// for collisions, since numbers can repeat across types or suppliers and sanitising or cutting
/// can make two names equal. A layout using <c>{status}</c> moves the file when the status changes.
/// </para>
/// </remarks>
public sealed class ExportPathTemplate
{
    /// <summary>The longest layout accepted, in characters.</summary>
    public const int MaxLength = 500;

    /// <summary>
    /// The characters <see cref="Render"/> keeps free in the file name by default for what the
    /// exporter appends: <c>.pdf</c>, <c>.xml</c>, or an attachment suffix.
    /// </summary>
    public const int DefaultFileNameReserve = 32;

    private readonly TemplatePart[][] _segments;

    private ExportPathTemplate(string text, TemplatePart[][] segments)
    {
        Text = text;
        _segments = segments;
        Placeholders = Array.AsReadOnly(segments.SelectMany(s => s).Where(p => p.IsPlaceholder)
            .Select(p => p.Text).Distinct(StringComparer.Ordinal).ToArray());
    }

    /// <summary>The placeholders a layout may use, without braces, in the order the UI lists them.</summary>
    public static IReadOnlyList<string> KnownPlaceholders => ExportPlaceholders.Names;

    /// <summary>The layout as written.</summary>
    public string Text { get; }

    /// <summary>The placeholders the layout uses, lower case, without braces, each once, in order of appearance.</summary>
    public IReadOnlyList<string> Placeholders { get; }

    /// <summary>How many names a rendered path has: the folders plus the file name.</summary>
    public int SegmentCount => _segments.Length;

    /// <summary>Reads a folder layout.</summary>
    /// <param name="text">The layout, e.g. <c>{year}/{type}/{number} {counterparty}</c>.</param>
    /// <returns>The layout, ready to render.</returns>
    /// <exception cref="ExportTemplateException">
    /// The layout is empty or too long, starts with '/' or a drive, contains '\', has an empty, '.'
    /// or '..' folder, unbalanced braces, an unknown placeholder, or a file name without <c>{number}</c>.
    /// </exception>
    public static ExportPathTemplate Parse(string text) => new(text, TemplateParser.Split(text));

    /// <summary>Reads a folder layout without throwing.</summary>
    /// <param name="text">The layout.</param>
    /// <param name="template">The layout when it is valid, else <see langword="null"/>.</param>
    /// <param name="error">Why it is not, for people, else <see langword="null"/>.</param>
    /// <returns>Whether the layout is valid.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ExportPathTemplate? template, [NotNullWhen(false)] out string? error)
    {
        try
        {
            template = Parse(text!);
            error = null;
            return true;
        }
        catch (ExportTemplateException e)
        {
            template = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>
    /// The document's path relative to the export folder, without extension: one safe name per
    /// segment of the layout (see <see cref="DropboxNames"/>), joined with '/', never starting or
    /// ending with '/'. The whole path is not cut: check it with <see cref="DropboxNames.Problem"/>
    /// once the export folder and extension are added.
    /// </summary>
    /// <param name="values">The document's values.</param>
    /// <param name="fileNameReserve">Characters kept free in the file name for what the exporter appends.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fileNameReserve"/> is negative or leaves no room for a name.</exception>
    public string Render(ExportPathValues values, int fileNameReserve = DefaultFileNameReserve)
    {
        ArgumentNullException.ThrowIfNull(values);
        var names = new string[_segments.Length];
        var raw = new StringBuilder();
        for (var i = 0; i < _segments.Length; i++)
        {
            raw.Clear();
            foreach (var part in _segments[i])
            {
                raw.Append(part.IsPlaceholder ? ExportPlaceholders.ValueOf(part.Text, values) : part.Text);
            }

            // Sanitising the whole segment, not just each value, is what keeps a value from adding
            // a folder: no '/' survives, whatever the value and the literal text around it.
            names[i] = DropboxNames.SanitizeSegment(raw.ToString(), i == _segments.Length - 1 ? fileNameReserve : 0);
        }

        return string.Join('/', names);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
