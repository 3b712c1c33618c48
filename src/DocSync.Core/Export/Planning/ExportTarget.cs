using DocSync.Core.Export.Paths;

namespace DocSync.Core.Export.Planning;

/// <summary>Where and how a profile exports: the profile's settings, the connection's root folder and the company's name.</summary>
public sealed class ExportTarget
{
    private ExportTarget(ExportProfile profile, string rootFolder, string companyName, ExportPathTemplate? template)
    {
        Profile = profile;
        RootFolder = rootFolder;
        CompanyName = companyName;
        Template = template;
    }

    /// <summary>The profile (types, layout, folder, language, UBL, attachments).</summary>
    public ExportProfile Profile { get; }

    /// <summary>The connection's root folder (in accountant mode, the company's own folder under the shared root).</summary>
    public string RootFolder { get; }

    /// <summary>The company's name (for <c>{company}</c>).</summary>
    public string CompanyName { get; }

    /// <summary>The profile's layout, parsed once; null when it is not valid.</summary>
    public ExportPathTemplate? Template { get; }

    /// <summary>The target of <paramref name="profile"/> on a connection rooted at <paramref name="rootFolder"/>.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="rootFolder">The connection's root folder.</param>
    /// <param name="companyName">The company's name.</param>
    public static ExportTarget For(ExportProfile profile, string rootFolder, string companyName)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new ExportTarget(profile, rootFolder ?? "", companyName ?? "",
            ExportPathTemplate.TryParse(profile.PathTemplate, out var parsed, out _) ? parsed : null);
    }
}
