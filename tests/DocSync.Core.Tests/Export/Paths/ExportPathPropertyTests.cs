using System.Text;
using CsCheck;
using DocSync.Core.Export.Paths;

namespace DocSync.Core.Tests.Export.Paths;

/// <summary>
/// CsCheck properties over generated hostile names and layouts (failure modes B6, B7 and B21, goal
/// G8). Each run draws a fresh seed; a failure shrinks its input, prints it with the seed, and
/// replays with <c>CsCheck_Seed=&lt;seed&gt;</c> in the environment; <c>CsCheck_Iter</c> raises the count. A seed that once failed is kept
/// below as a named regression case.
/// </summary>
public sealed class ExportPathPropertyTests
{
    // At least 100,000 names a run; CsCheck_Iter=1000000 in the environment raises it for a soak.
    private static readonly long Names = Math.Max(100_000L, Check.Iter);

    // Each layout and document brings eight names plus the layout's literal text.
    private static readonly long Layouts = Names / 8;

    [Fact]
    public void SanitizeSegment_AnyName_IsSafeBoundedNfcAndStable() =>
        Gen.Select(NameGen.Name, NameGen.Reserve).Sample((name, reserve) =>
        {
            var safe = DropboxNames.SanitizeSegment(name, reserve);

            safe.ShouldNotBeEmpty();
            safe.ShouldNotBeOneOf(".", "..");
            safe.ShouldNotContain('/');
            safe.ShouldNotContain('\\');
            DropboxNameRules.HasLoneSurrogate(safe).ShouldBeFalse();
            safe.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();
            safe.Length.ShouldBeLessThanOrEqualTo(DropboxNames.MaxSegmentLength - reserve);
            DropboxNames.SanitizeSegment(safe, reserve).ShouldBe(safe);
            DropboxNames.SanitizeSegment(safe).ShouldBe(safe);
            DropboxNames.Problem("/" + safe).ShouldBeNull();
            if (reserve >= 4)
            {
                DropboxNames.Problem("/" + safe + ".pdf").ShouldBeNull();
            }
        }, iter: Names, print: p => $"name={NameGen.Show(p.Item1)} reserve={p.Item2}");

    [Fact]
    public void SanitizeSegment_NfcAndNfdSpellings_GiveTheSameName() =>
        NameGen.ValidName.Sample(name =>
            DropboxNames.SanitizeSegment(name.Normalize(NormalizationForm.FormD))
                .ShouldBe(DropboxNames.SanitizeSegment(name.Normalize(NormalizationForm.FormC))),
            iter: Names, print: NameGen.Show);

    [Fact]
    public void Key_NfcAndNfdSpellings_AreEqualAndKeyIsStable() =>
        NameGen.ValidName.Sample(name =>
        {
            var key = DropboxNames.Key(name.Normalize(NormalizationForm.FormC));

            DropboxNames.Key(name.Normalize(NormalizationForm.FormD)).ShouldBe(key);
            DropboxNames.Key(key).ShouldBe(key);
        }, iter: Names, print: NameGen.Show);

    [Fact]
    public void Key_CaseTwins_AreEqual() =>
        NameGen.CaseTwins.Sample(t => DropboxNames.Key(t.Mixed).ShouldBe(DropboxNames.Key(t.Lower)),
            iter: Names, print: t => NameGen.Show(t.Mixed));

    [Fact]
    public void Render_AnyLayoutAndValues_HasOneSafeNamePerSegment() =>
        Gen.Select(NameGen.Template, NameGen.Values, Gen.OneOf(4, ExportPathTemplate.DefaultFileNameReserve, 100)).Sample((text, values, reserve) =>
        {
            if (text.Length > ExportPathTemplate.MaxLength)
            {
                Should.Throw<ExportTemplateException>(() => ExportPathTemplate.Parse(text)).Code.ShouldBe("template-too-long");
                return;
            }

            var template = ExportPathTemplate.Parse(text);
            var path = template.Render(values, reserve);

            var names = path.Split('/');
            names.Length.ShouldBe(text.Split('/').Length);
            names.Length.ShouldBe(template.SegmentCount);
            names[^1].Length.ShouldBeLessThanOrEqualTo(DropboxNames.MaxSegmentLength - reserve);
            foreach (var name in names)
            {
                name.ShouldNotBeOneOf(".", "..");
                DropboxNames.SanitizeSegment(name).ShouldBe(name);
            }

            var full = "/DocSync/Export/" + path + ".pdf";
            var problem = DropboxNames.Problem(full);
            if (full.Length <= DropboxNames.MaxPathLength)
            {
                problem.ShouldBeNull();
            }
            else
            {
                problem.ShouldBe($"The path is {full.Length} characters long; Dropbox's Windows app syncs paths of at most {DropboxNames.MaxPathLength}.");
            }
        }, iter: Layouts, print: p => $"template={NameGen.Show(p.Item1)} reserve={p.Item3} values: {NameGen.Show(p.Item2)}");
}
