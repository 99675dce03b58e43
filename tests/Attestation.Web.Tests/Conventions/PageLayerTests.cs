using System.Text.RegularExpressions;
using Attestation.Testing;

namespace Attestation.Web.Tests.Conventions;

/// <summary>
/// The page layer keeps no rules of its own (ADR 0004): a page model asks the aggregate or
/// <c>ApplicationRules</c>/<c>ApplicationFilters</c> for statuses, saves through <c>SafeSave</c>, and reads names through
/// the read model (<c>ApplicationRow</c>, <c>PersonRow</c>). These checks read the sources, so a new page that repeats
/// the domain by hand fails here with the file and line to fix.
/// </summary>
public sealed partial class PageLayerTests
{
    private static readonly string WebSources = Path.Combine(Repository.Root, "src", "Attestation.Web");

    private static readonly string[] PageFolders = ["Areas", "Pages"];

    /// <summary>The page models and their helpers: everything under Areas/ and Pages/ except the directories' own pages.</summary>
    public static TheoryData<string> PageFiles() => new(PagePaths());

    private static List<string> PagePaths() =>
        PageFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(WebSources, folder), "*.cs", SearchOption.AllDirectories))
            .Select(file => Path.GetRelativePath(WebSources, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void The_page_models_are_found()
    {
        // A wrong root would make every check below pass on nothing.
        var count = PagePaths().Count(path => path.EndsWith(".cshtml.cs", StringComparison.Ordinal));
        Assert.True(count > 60, $"Only {count} page models under {WebSources}.");
    }

    [Theory]
    [MemberData(nameof(PageFiles))]
    public void A_page_model_keeps_no_status_list_of_its_own(string file)
    {
        var offences = Offences(file, StatusList(), ExcludedStatus());
        Assert.True(offences.Count == 0,
            $"{file}: statuses listed by hand (use ApplicationRules / ApplicationFilters / the aggregate's capabilities):\n{string.Join('\n', offences)}");
    }

    [Theory]
    [MemberData(nameof(PageFiles))]
    public void A_page_model_saves_through_the_one_save_path(string file)
    {
        var offences = Offences(file, DomainCatch(), ConcurrencyCatch());
        Assert.True(offences.Count == 0,
            $"{file}: a hand-rolled save (use SafeSave.TrySaveAsync / RefusalOf / TryBuild):\n{string.Join('\n', offences)}");
    }

    [Theory]
    [MemberData(nameof(PageFiles))]
    public void A_page_model_reads_names_through_the_read_model(string file)
    {
        var patterns = new List<Regex> { NameSubquery(), NameJoinedByHand(), NameInterpolatedByHand() };
        // The directory pages list and edit the directory itself: its names are their subject.
        if (!file.Contains("/Directories/", StringComparison.Ordinal))
            patterns.Add(NameDictionary());
        var offences = Offences(file, [.. patterns]);
        Assert.True(offences.Count == 0,
            $"{file}: a name looked up or built by hand (use ToRows / ToPeople / PeopleAsync / PersonName.Join):\n{string.Join('\n', offences)}");
    }

    [Fact]
    public void The_checks_catch_what_they_are_meant_to()
    {
        Assert.Matches(StatusList(), "a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Rejected");
        Assert.Matches(StatusList(), "[ApplicationStatus.ConclusionUploaded, ApplicationStatus.ConclusionSigned]");
        Assert.Matches(StatusList(), "s is not (ApplicationStatus.Draft or ApplicationStatus.Submitted)");
        Assert.Matches(ExcludedStatus(), ".Where(a => a.Status != ApplicationStatus.Registered)");
        Assert.DoesNotMatch(StatusList(), "counts.GetValueOrDefault(ApplicationStatus.Scheduled),");
        Assert.Matches(DomainCatch(), "        catch (DomainException error)");
        Assert.Matches(ConcurrencyCatch(), "        catch (DbUpdateConcurrencyException)");
        Assert.Matches(NameSubquery(), "Position = db.Positions.Where(p => p.Id == a.PositionId).Select(p => p.Name).FirstOrDefault(),");
        Assert.Matches(NameJoinedByHand(), "u.MiddleName == null ? u.LastName + \" \" + u.FirstName : u.LastName");
        Assert.Matches(NameInterpolatedByHand(), "string.IsNullOrEmpty(a.MiddleName) ? $\"{a.LastName} {a.FirstName}\" : x");
        Assert.Matches(NameDictionary(), "var subjects = await db.Subjects.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);");
    }

    private static List<string> Offences(string file, params Regex[] patterns)
    {
        var lines = File.ReadAllLines(Path.Combine(WebSources, file));
        var text = string.Join('\n', lines);
        return patterns
            .SelectMany(pattern => pattern.Matches(text))
            .Select(match => $"  line {text[..match.Index].Count(c => c == '\n') + 1}: {match.Value.Trim()}")
            .Distinct()
            .ToList();
    }

    /// <summary>Two statuses in one condition or list: «A or B», «A, B», «!= A && != B», «== A || == B».</summary>
    [GeneratedRegex(@"ApplicationStatus\.\w+\s*(,|\bor\b|\band\b|\|\||&&)\s*(\(?\s*\w+(\.\w+)*\s*[!=]=\s*)?ApplicationStatus\.\w+")]
    private static partial Regex StatusList();

    /// <summary>«everything but A» is a list of all the others.</summary>
    [GeneratedRegex(@"(Status\s*!=\s*ApplicationStatus\.\w+|is\s+not\s+\(?ApplicationStatus\.)")]
    private static partial Regex ExcludedStatus();

    [GeneratedRegex(@"catch\s*\(\s*DomainException\b")]
    private static partial Regex DomainCatch();

    [GeneratedRegex(@"catch\s*\(\s*DbUpdateConcurrencyException\b")]
    private static partial Regex ConcurrencyCatch();

    /// <summary>A correlated subquery for a directory name: <c>db.Positions.Where(p => p.Id == a.PositionId).Select(p => p.Name)</c>.</summary>
    [GeneratedRegex(@"\.Where\(\s*\w+\s*=>\s*\w+\.Id\s*==\s*[\w.!]+\s*\)\s*\.Select\(\s*\w+\s*=>\s*\w+\.Name\s*\)")]
    private static partial Regex NameSubquery();

    [GeneratedRegex(@"LastName\s*\+\s*"" """)]
    private static partial Regex NameJoinedByHand();

    [GeneratedRegex(@"\{\w+\.LastName\}\s+\{\w+\.FirstName\}")]
    private static partial Regex NameInterpolatedByHand();

    /// <summary>A whole directory loaded into a dictionary to print names.</summary>
    [GeneratedRegex(@"db\.(Positions|Subjects|Organisations|Municipalities)\b[^;]*ToDictionaryAsync\([^;]*\.Name\b")]
    private static partial Regex NameDictionary();
}
