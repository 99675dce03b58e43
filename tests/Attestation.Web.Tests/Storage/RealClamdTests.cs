using Attestation.Web.Storage;

namespace Attestation.Web.Tests.Storage;

/// <summary>
/// Skips its test unless the machine runs Debian's clamav-daemon (its socket exists, or CLAMD_SOCKET names another):
/// the suite never depends on clamd, but where it runs, the client is checked against the real thing.
/// </summary>
public sealed class ClamdFactAttribute : FactAttribute
{
    public static string SocketPath => Environment.GetEnvironmentVariable("CLAMD_SOCKET") is { Length: > 0 } path
        ? path
        : "/run/clamav/clamd.ctl";

    public ClamdFactAttribute()
    {
        if (!File.Exists(SocketPath))
            Skip = $"No clamd socket at {SocketPath} (apt-get install clamav-daemon, or set CLAMD_SOCKET).";
    }
}

/// <summary>The client against Debian's clamd, when there is one.</summary>
public sealed class RealClamdTests
{
    private static ClamdClient Client() =>
        new(new AntivirusOptions { Enabled = true, Socket = ClamdFactAttribute.SocketPath, Timeout = TimeSpan.FromSeconds(60) });

    [ClamdFact]
    public async Task The_real_clamd_finds_the_EICAR_test_file_and_passes_a_clean_one()
    {
        var eicar = await Client().ScanAsync(Eicar.File(), CancellationToken.None);
        var clean = await Client().ScanAsync("%PDF-1.4\n% a clean file\n%%EOF\n"u8.ToArray(), CancellationToken.None);

        // ClamAV's own databases name it «Win.Test.EICAR_HDB-1» (formerly «Eicar-Test-Signature»).
        Assert.True(eicar.Infected, "clamd did not recognise the EICAR test file: has it any signatures (freshclam)?");
        Assert.Contains("eicar", eicar.Signature!, StringComparison.OrdinalIgnoreCase);
        Assert.False(clean.Infected);
    }
}
