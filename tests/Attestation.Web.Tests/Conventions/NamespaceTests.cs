using System.Text.RegularExpressions;
using Attestation.Testing;

namespace Attestation.Web.Tests.Conventions;

/// <summary>
/// Every test project's namespaces follow its folders (the project's name, then the folder path), so that one area has
/// one namespace root and a helper is found where its namespace says.
/// </summary>
public sealed partial class NamespaceTests
{
    public static TheoryData<string> TestProjects() => new(ProjectNames());

    [Fact]
    public void The_test_projects_are_found()
    {
        // A test over no files cannot fail: make sure the walk up to the repository found the projects.
        Assert.Contains("Attestation.Web.Tests", ProjectNames());
    }

    [Theory]
    [MemberData(nameof(TestProjects))]
    public void Each_file_declares_the_namespace_of_its_folder(string project)
    {
        var root = Path.Combine(Repository.Root, "tests", project);
        var files = SourceFiles(root).ToList();
        Assert.NotEmpty(files);

        var wrong = new List<string>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(root, Path.GetDirectoryName(file)!);
            var expected = relative == "."
                ? project
                : $"{project}.{relative.Replace(Path.DirectorySeparatorChar, '.')}";
            var text = File.ReadAllText(file);
            var declared = NamespaceDeclaration().Matches(text).Select(m => m.Groups["name"].Value).ToList();
            if (declared.Count == 0 && TypeDeclaration().IsMatch(text))
                wrong.Add($"{Path.GetRelativePath(root, file)}: no namespace (expected {expected})");
            wrong.AddRange(declared.Where(name => name != expected)
                .Select(name => $"{Path.GetRelativePath(root, file)}: {name} (expected {expected})"));
        }

        Assert.True(wrong.Count == 0, "Namespaces that do not match their folders:\n" + string.Join('\n', wrong));
    }

    private static List<string> ProjectNames() =>
        Directory.GetDirectories(Path.Combine(Repository.Root, "tests"))
            .Select(folder => Path.GetFileName(folder))
            .Where(name => File.Exists(Path.Combine(Repository.Root, "tests", name, name + ".csproj")))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "bin" or "obj"));


    [GeneratedRegex(@"^\s*namespace\s+(?<name>[\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^\s*(?:(?:public|internal|sealed|static|abstract|partial|readonly|file)\s+)*(?:class|record|struct|interface|enum)\s+\w", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();
}
