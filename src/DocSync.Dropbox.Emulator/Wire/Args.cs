using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DocSync.Dropbox.Emulator.Wire;

/// <summary>
/// A route argument decoded from JSON, with typed accessors that fail the way Dropbox fails:
/// a 400 whose text names the route, the argument's source and the field.
/// </summary>
public sealed class Args
{
    private readonly JsonElement _element;
    private readonly string _context;

    public Args(JsonElement element, string context)
    {
        _element = element;
        _context = context;
    }

    /// <summary>The raw element (an object, or null for a void argument).</summary>
    public JsonElement Element => _element;

    /// <summary>True when the argument is JSON null or absent.</summary>
    public bool IsNull => _element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    /// <summary>Fails unless the argument is a JSON object.</summary>
    public Args RequireObject()
    {
        if (_element.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"expected object, got {Describe(_element)}");
        }
        return this;
    }

    public BadInputException Fail(string message) => new($"{_context}: {message}");

    public BadInputException FieldFail(string field, string message) => new($"{_context}: {field}: {message}");

    public bool Has(string field) =>
        _element.ValueKind == JsonValueKind.Object
        && _element.TryGetProperty(field, out var value)
        && value.ValueKind != JsonValueKind.Null;

    public JsonElement? Raw(string field) =>
        _element.ValueKind == JsonValueKind.Object && _element.TryGetProperty(field, out var value)
            && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public string String(string field, Regex? pattern = null, int? maxLength = null, int? minLength = null)
        => OptionalString(field, pattern, maxLength, minLength) ?? throw FieldFail(field, "missing required field");

    public string? OptionalString(string field, Regex? pattern = null, int? maxLength = null, int? minLength = null)
    {
        var raw = Raw(field);
        if (raw is null)
        {
            return null;
        }
        if (raw.Value.ValueKind != JsonValueKind.String)
        {
            throw FieldFail(field, $"expected string, got {Describe(raw.Value)}");
        }
        var value = raw.Value.GetString()!;
        if (maxLength is { } max && value.Length > max)
        {
            throw FieldFail(field, $"'{value}' length is greater than {max}");
        }
        if (minLength is { } min && value.Length < min)
        {
            throw FieldFail(field, $"'{value}' length is less than {min}");
        }
        if (pattern is not null && !pattern.IsMatch(value))
        {
            throw FieldFail(field, $"'{value}' did not match pattern '{PatternText(pattern)}'");
        }
        return value;
    }

    public bool Bool(string field, bool defaultValue)
    {
        var raw = Raw(field);
        if (raw is null)
        {
            return defaultValue;
        }
        return raw.Value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw FieldFail(field, $"expected boolean, got {Describe(raw.Value)}"),
        };
    }

    public long? OptionalLong(string field, long min = long.MinValue, long max = long.MaxValue)
    {
        var raw = Raw(field);
        if (raw is null)
        {
            return null;
        }
        if (raw.Value.ValueKind != JsonValueKind.Number || !raw.Value.TryGetInt64(out var value))
        {
            throw FieldFail(field, $"expected integer, got {Describe(raw.Value)}");
        }
        if (value < min)
        {
            throw FieldFail(field, $"{value} is not greater than or equal to {min}");
        }
        if (value > max)
        {
            throw FieldFail(field, $"{value} is not less than or equal to {max}");
        }
        return value;
    }

    public long Long(string field, long defaultValue, long min = long.MinValue, long max = long.MaxValue) =>
        OptionalLong(field, min, max) ?? defaultValue;

    public Args Object(string field) =>
        OptionalObject(field) ?? throw FieldFail(field, "missing required field");

    public Args? OptionalObject(string field)
    {
        var raw = Raw(field);
        if (raw is null)
        {
            return null;
        }
        if (raw.Value.ValueKind != JsonValueKind.Object)
        {
            throw FieldFail(field, $"expected object, got {Describe(raw.Value)}");
        }
        return new Args(raw.Value, $"{_context}: {field}");
    }

    public IReadOnlyList<Args> List(string field, int? maxItems = null, bool required = true)
    {
        var raw = Raw(field);
        if (raw is null)
        {
            return required ? throw FieldFail(field, "missing required field") : [];
        }
        if (raw.Value.ValueKind != JsonValueKind.Array)
        {
            throw FieldFail(field, $"expected list, got {Describe(raw.Value)}");
        }
        var count = raw.Value.GetArrayLength();
        if (maxItems is { } max && count > max)
        {
            throw FieldFail(field, $"list has more than {max} items");
        }
        var items = new List<Args>(count);
        var index = 0;
        foreach (var item in raw.Value.EnumerateArray())
        {
            items.Add(new Args(item, $"{_context}: {field}: [{index.ToString(CultureInfo.InvariantCulture)}]"));
            index++;
        }
        return items;
    }

    public IReadOnlyList<string> StringList(string field, Regex? pattern = null, int? maxItems = null, bool required = true)
    {
        var list = List(field, maxItems, required);
        var result = new List<string>(list.Count);
        foreach (var item in list)
        {
            if (item._element.ValueKind != JsonValueKind.String)
            {
                throw item.Fail($"expected string, got {Describe(item._element)}");
            }
            var value = item._element.GetString()!;
            if (pattern is not null && !pattern.IsMatch(value))
            {
                throw item.Fail($"'{value}' did not match pattern '{PatternText(pattern)}'");
            }
            result.Add(value);
        }
        return result;
    }

    /// <summary>
    /// Reads a union field: <c>"tag"</c> (void members only) or <c>{".tag":"tag", …}</c>.
    /// Returns the tag and the object (null for the bare-string form).
    /// </summary>
    public (string Tag, Args? Value)? OptionalUnion(string field, IReadOnlyCollection<string> tags)
    {
        var raw = Raw(field);
        if (raw is null)
        {
            return null;
        }
        return ReadUnion(raw.Value, field, tags);
    }

    /// <summary>Reads this argument itself as a union.</summary>
    public (string Tag, Args? Value) AsUnion(IReadOnlyCollection<string> tags) => ReadUnion(_element, null, tags);

    private (string Tag, Args? Value) ReadUnion(JsonElement raw, string? field, IReadOnlyCollection<string> tags)
    {
        string tag;
        Args? value = null;
        if (raw.ValueKind == JsonValueKind.String)
        {
            tag = raw.GetString()!;
        }
        else if (raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty(".tag", out var tagElement)
            && tagElement.ValueKind == JsonValueKind.String)
        {
            tag = tagElement.GetString()!;
            value = new Args(raw, field is null ? _context : $"{_context}: {field}");
        }
        else
        {
            var message = raw.ValueKind == JsonValueKind.Object
                ? "missing '.tag' key"
                : $"expected object, got {Describe(raw)}";
            throw field is null ? Fail(message) : FieldFail(field, message);
        }
        if (!tags.Contains(tag))
        {
            var message = $"unknown tag '{tag}'";
            throw field is null ? Fail(message) : FieldFail(field, message);
        }
        return (tag, value);
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => element.TryGetInt64(out _) ? "integer" : "float",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "list",
        JsonValueKind.Object => "object",
        _ => "null",
    };

    private static string PatternText(Regex pattern)
    {
        var text = pattern.ToString();
        return text.StartsWith("\\A(?:", StringComparison.Ordinal) && text.EndsWith(")\\z", StringComparison.Ordinal)
            ? text[5..^3]
            : text;
    }
}
