using System.Net;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Storage;
using Attestation.Web.Tests.Teacher;
using Microsoft.AspNetCore.Hosting;
using static Attestation.Web.Tests.Teacher.TeacherCabinet;

namespace Attestation.Web.Tests.Storage;

/// <summary>
/// Skips its test unless a real clamd listens: <c>scripts/test.sh</c> starts one (Debian's clamav-daemon with the
/// repository's test signature, <c>tests/clamav/eicar.ndb</c>) and names its socket in CLAMD_SOCKET; without the
/// script, Debian's own clamd at its default socket is used when it runs.
/// </summary>
public sealed class ClamdFactAttribute : FactAttribute
{
    public static string SocketPath => Environment.GetEnvironmentVariable("CLAMD_SOCKET") is { Length: > 0 } path
        ? path
        : "/run/clamav/clamd.ctl";

    public ClamdFactAttribute()
    {
        if (!File.Exists(SocketPath))
            Skip = $"No clamd socket at {SocketPath} (scripts/test.sh starts one; or set CLAMD_SOCKET).";
    }
}

/// <summary>The portal with the antivirus on and pointed at the real clamd.</summary>
public sealed class PortalWithRealClamdFactory : PortalWithDirectoryFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Antivirus:Enabled", "true");
        builder.UseSetting("Antivirus:Socket", ClamdFactAttribute.SocketPath);
        builder.UseSetting("Antivirus:Timeout", "00:00:30");
    }
}

/// <summary>The client and the upload pages against a real clamd, with the EICAR test string.</summary>
public sealed class RealClamdTests(PortalWithRealClamdFactory factory) : IClassFixture<PortalWithRealClamdFactory>
{
    private readonly TeacherCabinet _cabinet = new(factory);

    private static ClamdClient Client() =>
        new(new AntivirusOptions { Enabled = true, Socket = ClamdFactAttribute.SocketPath, Timeout = TimeSpan.FromSeconds(60) });

    [ClamdFact]
    public async Task The_real_clamd_finds_the_EICAR_test_file_alone_and_inside_a_pdf_and_passes_a_clean_one()
    {
        var eicar = await Client().ScanAsync(Eicar.File(), CancellationToken.None);
        var inPdf = await Client().ScanAsync(Eicar.InPdf(), CancellationToken.None);
        var clean = await Client().ScanAsync(SampleFiles.Pdf("A clean file"), CancellationToken.None);

        // The repository's signature is «Eicar-Test-Signature», ClamAV's own databases say «Win.Test.EICAR_HDB-1».
        Assert.True(eicar.Infected, "clamd did not recognise the EICAR test file: has it any signatures?");
        Assert.Contains("eicar", eicar.Signature!, StringComparison.OrdinalIgnoreCase);
        Assert.True(inPdf.Infected);
        Assert.False(clean.Infected);
    }

    [ClamdFact]
    public async Task A_teacher_uploading_an_infected_pdf_gets_it_refused_with_the_typed_fields_kept_and_a_clean_one_stored()
    {
        await _cabinet.CreateTeacherAsync("realclamd.teacher");
        using var client = await factory.SignInAsync("realclamd.teacher");
        var id = await SaveDraftAsync(client, CompleteForm());
        var typed = new Dictionary<string, string> { ["Input.Awards"] = "Грамота, набранная перед загрузкой" };

        using var refused = await UploadAsync(client, id, ApplicationDocumentKind.SignedApplication, "заявление.pdf",
            Eicar.InPdf(), typed);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        Assert.StartsWith("Файл «заявление.pdf» не принят: в нём найден вирус (Eicar-Test-Signature",
            page.FieldError("Upload"));
        Assert.Equal(typed["Input.Awards"], page.FieldValue("Input.Awards"));
        Assert.Empty((await _cabinet.LoadAsync(id)).Documents);

        await AttachAsync(client, id, ApplicationDocumentKind.SignedApplication, "заявление.pdf", SampleFiles.Pdf("Чистый файл"));
        Assert.Single((await _cabinet.LoadAsync(id)).Documents);
    }
}
