using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace DocSync.Web.Localization;

/// <summary>
/// The UI's words in English, Dutch and French, read once from the embedded
/// <c>Texts.{culture}.json</c> files. A key missing in one language falls back to English; a key
/// missing everywhere shows itself in brackets so it is caught in review and by tests.
/// </summary>
public sealed class Texts
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byCulture;

    /// <summary>Loads the embedded texts.</summary>
    public Texts()
    {
        var assembly = typeof(Texts).Assembly;
        _byCulture = Hosting.WebApplicationSetup.Cultures.ToFrozenDictionary(c => c, c =>
        {
            using var stream = assembly.GetManifestResourceStream($"DocSync.Web.Localization.Texts.{c}.json")
                ?? throw new InvalidOperationException($"Texts.{c}.json is not embedded.");
            return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!.ToFrozenDictionary(StringComparer.Ordinal);
        });
    }

    /// <summary>The text for <paramref name="key"/> in the current UI culture.</summary>
    /// <param name="key">The key, e.g. <c>nav.documents</c>.</param>
    public string this[string key] => Get(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, key);

    /// <summary>The text for <paramref name="key"/> with <paramref name="args"/> placed in it, its plural blocks in the right form (see <see cref="Plurals"/>).</summary>
    /// <param name="key">The key.</param>
    /// <param name="args">Values for <c>{0}</c>, <c>{1}</c>…</param>
    public string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Plurals.Expand(this[key], CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, CultureInfo.CurrentCulture, args), args);

    /// <summary>The text for <paramref name="key"/> in the current UI culture (English when that culture lacks it), or null when no language has it.</summary>
    /// <param name="key">The key.</param>
    public string? TryGet(string key) =>
        _byCulture["en"].ContainsKey(key) ? this[key] : null;

    /// <summary>Every key of <paramref name="culture"/>.</summary>
    /// <param name="culture">en, nl or fr.</param>
    public IEnumerable<string> Keys(string culture) => _byCulture[culture].Keys;

    /// <summary>The text for <paramref name="key"/> in <paramref name="culture"/>.</summary>
    /// <param name="culture">en, nl or fr.</param>
    /// <param name="key">The key.</param>
    public string Get(string culture, string key) =>
        _byCulture.TryGetValue(culture, out var texts) && texts.TryGetValue(key, out var text) ? text
        : _byCulture["en"].TryGetValue(key, out var english) ? english
        : $"[{key}]";
}
