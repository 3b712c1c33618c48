using DocSync.Core.Organizing;
using DocSync.Web.Localization;

namespace DocSync.Web.Features.Inbox;

/// <summary>How the inbox pages name what reading a file gave.</summary>
public static class ReadLabels
{
    /// <summary>The read state in a word or two: "OCR", "Text", "No text", "Failed", "Not read".</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="item">The item.</param>
    public static string State(Texts texts, InboxItemInfo item)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(item);
        return item.ReadState switch
        {
            InboxReadState.Read when item.ReadMethod == "ocr" => texts["inbox.read.ocr"],
            InboxReadState.Read when item.ReadMethod == "e-invoice" => texts["inbox.read.eInvoice"],
            InboxReadState.Read => texts["inbox.read.text"],
            InboxReadState.NoText => texts["inbox.read.noText"],
            InboxReadState.Failed => texts["inbox.read.failed"],
            _ => texts["inbox.read.notRead"],
        };
    }

    /// <summary>The CSS class of the read state's badge.</summary>
    /// <param name="item">The item.</param>
    public static string StateClass(InboxItemInfo item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.ReadState switch
        {
            InboxReadState.Read => "badge r-read",
            InboxReadState.NoText => "badge r-notext",
            InboxReadState.Failed => "badge r-failed",
            _ => "badge",
        };
    }

    /// <summary>How the text was read, in words; an unknown method as it is.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="method"><c>text-layer</c>, <c>ocr</c> or <c>none</c>.</param>
    public static string Method(Texts texts, string method)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return method switch
        {
            "text-layer" => texts["inbox.method.textLayer"],
            "ocr" => texts["inbox.method.ocr"],
            "e-invoice" => texts["inbox.method.eInvoice"],
            "none" => texts["inbox.method.none"],
            _ => method,
        };
    }

    /// <summary>The name of a language DocSync guesses (en, nl, fr); another code as it is.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="code">The language code.</param>
    public static string Language(Texts texts, string code)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return code is "en" or "nl" or "fr" ? texts[$"inbox.language.{code}"] : code;
    }
}
