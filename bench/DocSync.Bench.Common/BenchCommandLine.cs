using System.Globalization;
using System.Text;

namespace DocSync.Bench.Common;

/// <summary>
/// One bench's command line: the options it takes (each with its help text and default), parsed
/// the same way in every bench. <c>--help</c> (or <c>-h</c>) prints them and asks the bench to exit 0
/// without running; an unknown option or a value that does not parse is a clear error and exit 2.
/// </summary>
public sealed class BenchCommandLine(string name, string summary)
{
    /// <summary>Exit code for a bad command line.</summary>
    public const int UsageError = 2;

    private readonly List<BenchOption> _options = [];
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];

    /// <summary>An option taking a value (<c>--name VALUE</c>); <paramref name="fallback"/> is shown as its default.</summary>
    public BenchCommandLine Option(string option, string value, string help, string? fallback = null)
    {
        _options.Add(new BenchOption(option, value, help, fallback, Numeric: false));
        return this;
    }

    /// <summary>An option taking a number (<c>--name 25</c>): a value that is no number is refused when parsing.</summary>
    public BenchCommandLine NumberOption(string option, string value, string help, string? fallback = null)
    {
        _options.Add(new BenchOption(option, value, help, fallback, Numeric: true));
        return this;
    }

    /// <summary>A switch (<c>--name</c>, no value).</summary>
    public BenchCommandLine Flag(string option, string help)
    {
        _options.Add(new BenchOption(option, null, help, null, Numeric: false));
        return this;
    }

    /// <summary>A line printed under the options (what the phases are, what is measured…).</summary>
    public BenchCommandLine Note(string text)
    {
        _notes.Add(text);
        return this;
    }

    /// <summary>The help text: usage, options with their defaults, notes.</summary>
    public string Help
    {
        get
        {
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"{name}: {summary}");
            text.AppendLine(CultureInfo.InvariantCulture, $"usage: dotnet {name}.dll [options]");
            text.AppendLine();
            var width = _options.Max(o => Usage(o).Length);
            foreach (var option in _options.Append(new BenchOption("help", null, "print this help and exit", null, Numeric: false)))
            {
                var fallback = option.Fallback is null ? "" : $" (default {option.Fallback})";
                text.AppendLine(CultureInfo.InvariantCulture, $"  {Usage(option).PadRight(width)}  {option.Help}{fallback}");
            }
            foreach (var note in _notes)
            {
                text.AppendLine();
                text.AppendLine(note);
            }
            return text.ToString();
        }
    }

    /// <summary>
    /// Reads <paramref name="args"/>. Returns null when the bench should run; otherwise the exit code
    /// (0 after printing the help, <see cref="UsageError"/> after naming what is wrong).
    /// </summary>
    public int? Parse(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (args.Any(a => a is "--help" or "-h" or "-?"))
        {
            output.Write(Help);
            return 0;
        }
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var known = arg.StartsWith("--", StringComparison.Ordinal) ? _options.FirstOrDefault(o => o.Name == arg[2..]) : null;
            if (known is null)
            {
                error.WriteLine(arg.StartsWith("--", StringComparison.Ordinal)
                    ? $"Unknown option {arg}. The options are: {string.Join(", ", _options.Select(o => "--" + o.Name))} (--help explains them)."
                    : $"Unexpected argument {arg}: every option starts with -- (--help lists them).");
                return UsageError;
            }
            if (known.Value is null)
            {
                _values[known.Name] = "true";
                continue;
            }
            if (i + 1 >= args.Length || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && !known.Numeric))
            {
                error.WriteLine($"--{known.Name} needs a value ({known.Value}).");
                return UsageError;
            }
            var value = args[++i];
            if (known.Numeric && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                error.WriteLine($"--{known.Name} takes a number, not \"{value}\".");
                return UsageError;
            }
            _values[known.Name] = value;
        }
        return null;
    }

    /// <summary>
    /// Parses <paramref name="args"/>, then reads the bench's options with <paramref name="read"/>,
    /// which throws <see cref="BenchUsageException"/> for a value that does not fit. Null, with the exit
    /// code, when the bench should not run (help printed, or the command line named as wrong).
    /// </summary>
    public T? Read<T>(string[] args, Func<BenchCommandLine, T> read, out int exit)
        where T : class
    {
        if (Parse(args) is { } code)
        {
            exit = code;
            return null;
        }
        try
        {
            var options = read(this);
            exit = 0;
            return options;
        }
        catch (BenchUsageException e)
        {
            Console.Error.WriteLine(e.Message);
            exit = UsageError;
            return null;
        }
    }

    /// <summary>A comma-separated option whose every item must be one of <paramref name="allowed"/> (empty when not given).</summary>
    public IReadOnlySet<string> Items(string option, IReadOnlySet<string> allowed)
    {
        var items = Text(option).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        return items.FirstOrDefault(i => !allowed.Contains(i)) is { } unknown
            ? throw new BenchUsageException($"--{option}: unknown \"{unknown}\"; it takes {string.Join(", ", allowed)}.")
            : items;
    }

    /// <summary>An option whose value must be one of <paramref name="allowed"/>.</summary>
    public string Choice(string option, params string[] allowed)
    {
        var value = Text(option);
        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new BenchUsageException($"--{option} is {string.Join(" or ", allowed)}, not \"{value}\".");
    }

    public bool Has(string option) => _values.ContainsKey(Known(option).Name);

    /// <summary>The option's value, its declared default, or <paramref name="fallback"/>.</summary>
    public string Text(string option, string? fallback = null) =>
        _values.TryGetValue(Known(option).Name, out var value) ? value : fallback ?? Known(option).Fallback ?? "";

    /// <summary>A number option; a value that is no number throws <see cref="BenchUsageException"/>.</summary>
    public double Number(string option, double? fallback = null)
    {
        var known = Known(option);
        if (!_values.TryGetValue(known.Name, out var value))
        {
            return fallback ?? double.Parse(known.Fallback ?? throw new InvalidOperationException($"--{option} has no default."), CultureInfo.InvariantCulture);
        }
        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new BenchUsageException($"--{known.Name} takes a number, not \"{value}\".");
    }

    /// <summary>A whole-number option; see <see cref="Number"/>.</summary>
    public int Whole(string option, int? fallback = null)
    {
        var number = Number(option, fallback);
        return number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw new BenchUsageException($"--{option} takes a whole number, not {number.ToString(CultureInfo.InvariantCulture)}.");
    }

    private BenchOption Known(string option) =>
        _options.FirstOrDefault(o => o.Name == option) ?? throw new InvalidOperationException($"--{option} is not declared.");

    private static string Usage(BenchOption option) => option.Value is null ? "--" + option.Name : $"--{option.Name} {option.Value}";

    private sealed record BenchOption(string Name, string? Value, string Help, string? Fallback, bool Numeric);
}

/// <summary>A command-line value that does not fit its option; the bench prints the message and exits 2.</summary>
public sealed class BenchUsageException(string message) : Exception(message);
