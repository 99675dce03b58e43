namespace Attestation.Testing;

/// <summary>The checkout the tests run from.</summary>
public static class Repository
{
    /// <summary>The folder with the solution, found upwards from the test's output folder (tests/X/bin/…).</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Attestation.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No Attestation.sln above {AppContext.BaseDirectory}.");
    }
}
