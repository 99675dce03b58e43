using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Attestation.Testing;

namespace Attestation.Web.Tests.Security;

/// <summary>
/// No secret is committed (ASVS 13.3.1): keys and certificates are made under <c>.data/</c> or given by the
/// environment, the database and SMTP passwords come from the environment only. Reads every file git tracks.
/// </summary>
public sealed partial class RepositorySecretsTests
{
    private static readonly string[] KeyFileExtensions = [".pfx", ".p12", ".pem", ".key", ".jks", ".snk"];

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex PrivateKeyBlock();

    /// <summary>A password written into a connection string or a setting, not taken from a variable.</summary>
    [GeneratedRegex(@"(?i)\bpassword""?\s*[=:]\s*""?(?!\$\{)[^;""\s$]+")]
    private static partial Regex LiteralPassword();

    private static string[] TrackedFiles()
    {
        var start = new ProcessStartInfo("git", "ls-files -z")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void No_private_key_or_certificate_is_committed()
    {
        var files = TrackedFiles();
        Assert.True(files.Length > 500, $"git listed {files.Length} files: not the checkout?");

        string[] keyFiles = [.. files.Where(file => KeyFileExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))];
        string[] withKeys = [.. files.Where(file => File.Exists(Path.Combine(Repository.Root, file))
            && new FileInfo(Path.Combine(Repository.Root, file)).Length < 2_000_000
            && PrivateKeyBlock().IsMatch(File.ReadAllText(Path.Combine(Repository.Root, file))))];

        Assert.Empty(keyFiles);
        Assert.Empty(withKeys);
    }

    [Fact]
    public void The_portals_settings_hold_no_password_nor_connection_string()
    {
        foreach (var file in TrackedFiles().Where(file => Path.GetFileName(file).StartsWith("appsettings", StringComparison.Ordinal)
            && file.EndsWith(".json", StringComparison.Ordinal) && file.StartsWith("src/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(Path.Combine(Repository.Root, file));
            Assert.DoesNotMatch(LiteralPassword(), text);
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.TryGetProperty("ConnectionStrings", out var connections))
            {
                string[] written = [.. connections.EnumerateObject().Where(c => c.Value.GetString() is { Length: > 0 }).Select(c => $"{file}: {c.Name}")];
                Assert.Empty(written);
            }
        }
    }

    [Fact]
    public void The_checks_find_what_they_look_for()
    {
        // Put together here, or this file would hold what it looks for.
        Assert.Matches(PrivateKeyBlock(), "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIE");
        Assert.Matches(LiteralPassword(), "Host=db;Username=app;Password=secret");
        Assert.Matches(LiteralPassword(), "\"Password\": \"hunter22\"");
        Assert.DoesNotMatch(LiteralPassword(), "Password=${APP_DB_PASSWORD}");
    }
}
