using DocSync.Web.Localization;
using Microsoft.AspNetCore.Identity;

namespace DocSync.Web.Security.SignIn;

/// <summary>Words a password refusal (an Identity error code) in the person's language.</summary>
public static class PasswordErrors
{
    /// <summary>The text for <paramref name="error"/>; its own description when DocSync has no words for the code.</summary>
    /// <param name="texts">The UI texts.</param>
    /// <param name="error">The refusal.</param>
    public static string Describe(Texts texts, IdentityError error)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(error);
        var key = $"passwordError.{error.Code}";
        var text = texts[key];
        return text == $"[{key}]" ? error.Description : text;
    }
}
