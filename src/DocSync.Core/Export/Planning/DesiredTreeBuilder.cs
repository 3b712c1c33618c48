using DocSync.Core.Documents;
using DocSync.Core.Export.Paths;
using DocSync.Core.Export.Ubl;

namespace DocSync.Core.Export.Planning;

/// <summary>
/// Builds a document's desired tree for a profile: the files it should have in Dropbox now (PDF,
/// UBL — sent with the document or written by DocSync — and attachments) at the paths the layout
/// gives, next to the files it has there as last agreed. A pure function of data already loaded:
/// no database, no blobs, no clock. Its output is <see cref="ExportPlanner"/>'s input.
/// </summary>
public static class DesiredTreeBuilder
{
    /// <summary>Whether DocSync writes a UBL for <paramref name="source"/> under <paramref name="profile"/> (so it must be prepared first).</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="source">The document.</param>
    public static bool GeneratesUbl(ExportProfile profile, SourceDocument source)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(source);
        return Exported(profile, source)
            && profile.IncludeUbl
            && UblWriter.Supports(source.Document.Type)
            && !source.Files.Any(f => f.Kind == DocumentFileKind.Ubl);
    }

    /// <summary>The trees of document <paramref name="documentId"/> for <paramref name="target"/>.</summary>
    /// <param name="documentId">The document.</param>
    /// <param name="source">The document now, or null when it no longer exists.</param>
    /// <param name="synced">Its files in Dropbox as last agreed, for this profile.</param>
    /// <param name="target">The profile and where it exports.</param>
    public static DesiredTree Build(Guid documentId, SourceDocument? source, IReadOnlyList<SyncedFile> synced, ExportTarget target)
    {
        ArgumentNullException.ThrowIfNull(synced);
        ArgumentNullException.ThrowIfNull(target);
        var profile = target.Profile;
        if (source is null || !Exported(profile, source))
        {
            return new DesiredTree(new DocumentTrees(documentId, [], synced));
        }
        if (target.Template is not { } template)
        {
            return new DesiredTree(new DocumentTrees(documentId, [], synced,
                new PlanProblem(PlanProblem.PathInvalid, "The profile's folder layout is not valid; correct it.")));
        }

        var document = source.Document;
        var basePath = ExportLayout.BasePath(template, target.RootFolder, profile.Folder, profile.Language, target.CompanyName, document);
        var desired = new List<DesiredFile>();
        (string, string)? leftOut = null;
        if (source.Files.FirstOrDefault(f => f.Kind == DocumentFileKind.Pdf) is { } pdf)
        {
            desired.Add(File("pdf", ExportLayout.Pdf(basePath), pdf.Sha256));
        }

        if (source.Files.FirstOrDefault(f => f.Kind == DocumentFileKind.Ubl) is { } sentUbl)
        {
            desired.Add(File("ubl", ExportLayout.Ubl(basePath), sentUbl.Sha256));
        }
        else if (GeneratesUbl(profile, source))
        {
            switch (source.Ubl)
            {
                case { Sha256: { } sha }:
                    desired.Add(File("ubl", ExportLayout.Ubl(basePath), sha));
                    break;
                case { Problem: { } problem }:
                    leftOut = (ExportLayout.Ubl(basePath), "No UBL: " + problem);
                    break;
                default:
                    throw new InvalidOperationException($"The UBL of document {documentId} was not prepared.");
            }
        }

        if (profile.IncludeAttachments)
        {
            foreach (var attachment in source.Files.Where(f => f.Kind == DocumentFileKind.Attachment))
            {
                desired.Add(File("att:" + attachment.Id.ToString("N"), ExportLayout.Attachment(basePath, attachment.FileName), attachment.Sha256));
            }
        }

        foreach (var file in desired)
        {
            if (DropboxNames.Problem(file.Path) is { } problem)
            {
                return new DesiredTree(new DocumentTrees(documentId, desired, synced, new PlanProblem(PlanProblem.PathInvalid, $"{file.Path}: {problem}")), leftOut);
            }
        }
        return new DesiredTree(new DocumentTrees(documentId, desired, synced), leftOut);
    }

    private static bool Exported(ExportProfile profile, SourceDocument source) =>
        source.Document.DeletedAt is null && profile.Exports(source.Document.Type);

    private static DesiredFile File(string slot, string path, string sha) => new(slot, path, DropboxNames.Key(path), sha);
}
