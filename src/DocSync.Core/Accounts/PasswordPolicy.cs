using System.Reflection;
using DocSync.Core.Companies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DocSync.Core.Accounts;

/// <summary>
/// DocSync's password rules beyond length (ASVS 5.0 V6.2): not a common or breached password, not
/// one with only digits or symbols around a common one, not a run of keys or letters, not one or
/// two characters repeated, and not the person's own e-mail or name. Length and the upper bound
/// are checked here too, so one place says what a password must be. Error codes are stable; the
/// web host words them in the person's language.
/// </summary>
public sealed class PasswordPolicy(IOptions<SignInSecurityOptions> options) : IPasswordValidator<Person>
{
    /// <summary>Longest password accepted (hashing has a cost).</summary>
    public const int MaxLength = 256;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);
    private static readonly string[] Rows = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn", "abcdefghijklmnopqrstuvwxyz"];

    /// <inheritdoc />
    public Task<IdentityResult> ValidateAsync(UserManager<Person> manager, Person user, string? password) =>
        Task.FromResult(Check(password ?? "", user?.Email, user?.DisplayName, options.Value.MinPasswordLength));

    /// <summary>The rules as a pure function.</summary>
    /// <param name="password">The candidate.</param>
    /// <param name="email">The person's e-mail.</param>
    /// <param name="name">The person's name.</param>
    /// <param name="minLength">Shortest allowed.</param>
    public static IdentityResult Check(string password, string? email, string? name, int minLength = 12)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < minLength)
        {
            return Fail("PasswordTooShort", $"Use at least {minLength} characters.");
        }

        if (password.Length > MaxLength)
        {
            return Fail("PasswordTooLong", $"Use at most {MaxLength} characters.");
        }

        var lower = password.ToLowerInvariant();
        var core = lower.Trim(" 0123456789!@#$%^&*()-_=+[]{};:'\",.<>/?\\|`~".ToCharArray());
        if (Common.Value.Contains(lower) || core.Length == 0 || Common.Value.Contains(core) || Common.Value.Contains(core.Replace(" ", "", StringComparison.Ordinal)))
        {
            return Fail("PasswordCommon", "This password is too common.");
        }

        if (lower.Distinct().Count() < 5 || IsRepetition(lower) || IsRepetition(core) || IsRun(lower))
        {
            return Fail("PasswordPattern", "This password is a simple pattern.");
        }

        foreach (var part in PersonalParts(email, name))
        {
            if (lower.Contains(part, StringComparison.Ordinal))
            {
                return Fail("PasswordPersonal", "The password must not contain your e-mail address or name.");
            }
        }

        return IdentityResult.Success;
    }

    private static IdentityResult Fail(string code, string description) => IdentityResult.Failed(new IdentityError { Code = code, Description = description });

    /// <summary>Whether <paramref name="s"/> is a shorter unit said again and again ("abcabcabcabc").</summary>
    private static bool IsRepetition(string s)
    {
        for (var unit = 1; unit <= s.Length / 2; unit++)
        {
            if (s.Length % unit == 0 && string.Concat(Enumerable.Repeat(s[..unit], s.Length / unit)) == s)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether all but two characters sit in runs of four or more along a keyboard row, the alphabet or the digits (either way).</summary>
    private static bool IsRun(string s)
    {
        var covered = new bool[s.Length];
        var i = 0;
        while (i < s.Length)
        {
            var j = i + 1;
            while (j < s.Length && Adjacent(s[j - 1], s[j]))
            {
                j++;
            }

            if (j - i >= 4)
            {
                for (var k = i; k < j; k++)
                {
                    covered[k] = true;
                }
            }

            i = j;
        }

        return covered.Count(c => c) >= s.Length - 2;
    }

    private static bool Adjacent(char a, char b)
    {
        foreach (var row in Rows)
        {
            var ia = row.IndexOf(a, StringComparison.Ordinal);
            var ib = row.IndexOf(b, StringComparison.Ordinal);
            if (ia >= 0 && ib >= 0 && Math.Abs(ia - ib) == 1)
            {
                return true;
            }
        }

        return (a == '9' && b == '0') || (a == '0' && b == '9');
    }

    private static IEnumerable<string> PersonalParts(string? email, string? name)
    {
        if (!string.IsNullOrWhiteSpace(email))
        {
            var local = email.Split('@')[0].ToLowerInvariant();
            if (local.Length >= 3)
            {
                yield return local;
            }

            foreach (var piece in local.Split(['.', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 3))
            {
                yield return piece;
            }
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            foreach (var piece in name.ToLowerInvariant().Split([' ', '-', '.', '\''], StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 3))
            {
                yield return piece;
            }
        }
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("DocSync.Core.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim());
            }
        }

        return set;
    }
}
