namespace DocSync.Core.Validation;

/// <summary>ISO 7064 MOD 97-10 over digits and letters (A = 10 … Z = 35), as IBANs and Dutch VAT numbers use it.</summary>
internal static class Mod97
{
    /// <summary>The remainder of the number spelled by <paramref name="text"/> divided by 97.</summary>
    public static int Remainder(ReadOnlySpan<char> text)
    {
        var remainder = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                var value = c - 'A' + 10;
                remainder = ((remainder * 100) + value) % 97;
            }
            else
            {
                throw new ArgumentException($"'{c}' is neither a digit nor an upper-case letter.", nameof(text));
            }
        }

        return remainder;
    }
}
