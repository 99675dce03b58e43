using Attestation.Web.Storage;
using Attestation.Web.Tests.Security;
using Attestation.Web.Tests.Teacher;
using Microsoft.Extensions.Logging;
using static Attestation.Web.Tests.Storage.UploadValidatorTests;

namespace Attestation.Web.Tests.Storage;

/// <summary>
/// The upload check with the antivirus on (a fake clamd on a Unix socket): what is refused, with which words, what is
/// logged, and what happens when clamd is away.
/// </summary>
public sealed class VirusScannerTests : IAsyncLifetime, IDisposable
{
    private const string Account = "scan.teacher";

    private readonly FakeClamd _clamd = FakeClamd.OnUnixSocket();
    private readonly CapturedLog _log = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _clamd.DisposeAsync();

    public void Dispose() => _log.Dispose();

    private UploadValidator Scanning(AntivirusUnavailable whenUnavailable = AntivirusUnavailable.Refuse, bool enabled = true) =>
        Validator(antivirus: new AntivirusOptions
        {
            Enabled = enabled,
            Socket = _clamd.SocketPath,
            Timeout = TimeSpan.FromSeconds(5),
            WhenUnavailable = whenUnavailable,
        }, log: _log, account: Account);

    [Fact]
    public async Task An_infected_file_is_refused_with_its_name_and_the_signature_and_logged_as_a_warning()
    {
        var check = await Scanning().CheckAsync(File(Eicar.InPdf(), "C:\\Документы\\скан.pdf"), CancellationToken.None);

        Assert.False(check.IsValid);
        Assert.Equal("Файл «скан.pdf» не принят: в нём найден вирус (Eicar-Test-Signature). "
            + "Проверьте компьютер антивирусом и загрузите файл заново.", check.Error);
        var line = Assert.Single(_log.Lines, l => l.Level == LogLevel.Warning);
        Assert.Equal($"Upload refused: virus Eicar-Test-Signature found in «скан.pdf» ({Eicar.InPdf().Length} bytes) uploaded by {Account}",
            line.Message);
    }

    [Fact]
    public async Task A_virus_is_named_as_such_whatever_the_file_pretends_to_be()
    {
        // The bare test file is no PDF: the virus, not the type, is what the user must hear about.
        var check = await Scanning().CheckAsync(File(Eicar.File(), "скан.pdf"), CancellationToken.None);

        Assert.Equal(VirusScanner.InfectedMessage("скан.pdf", Eicar.Signature), check.Error);
    }

    [Fact]
    public async Task A_clean_file_is_scanned_byte_for_byte_and_passes()
    {
        var pdf = SampleFiles.Pdf();

        var check = await Scanning().CheckAsync(File(pdf, "скан.pdf"), CancellationToken.None);

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(pdf, Assert.Single(_clamd.Streams));
        Assert.DoesNotContain(_log.Lines, l => l.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task With_clamd_unreachable_the_upload_is_refused_by_default_and_the_failure_logged()
    {
        _clamd.Stop();

        var check = await Scanning().CheckAsync(File(SampleFiles.Pdf(), "скан.pdf"), CancellationToken.None);

        Assert.False(check.IsValid);
        Assert.Equal("Проверка файла на вирусы сейчас недоступна; файл не сохранён — попробуйте позже.", check.Error);
        var line = Assert.Single(_log.Lines, l => l.Level == LogLevel.Error);
        Assert.Contains($"«скан.pdf» by {Account}", line.Message, StringComparison.Ordinal);
        Assert.IsType<ClamdException>(line.Exception);
    }

    [Fact]
    public async Task A_clamd_answering_with_an_error_refuses_the_upload_too()
    {
        _clamd.Behaviour = FakeClamdBehaviour.Error;

        var check = await Scanning().CheckAsync(File(SampleFiles.Pdf(), "скан.pdf"), CancellationToken.None);

        Assert.Equal(VirusScanner.UnavailableMessage, check.Error);
    }

    [Fact]
    public async Task A_region_that_stores_unscanned_files_gets_the_file_and_a_warning()
    {
        _clamd.Stop();

        var check = await Scanning(AntivirusUnavailable.Store).CheckAsync(File(SampleFiles.Pdf(), "скан.pdf"), CancellationToken.None);

        Assert.True(check.IsValid, check.Error);
        var line = Assert.Single(_log.Lines, l => l.Level == LogLevel.Warning);
        Assert.StartsWith("Upload stored unscanned", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_scan_off_clamd_is_not_asked()
    {
        var check = await Scanning(enabled: false).CheckAsync(File(Eicar.InPdf(), "скан.pdf"), CancellationToken.None);

        Assert.True(check.IsValid, check.Error);
        Assert.Empty(_clamd.Streams);
    }

    [Fact]
    public async Task Refusals_that_need_no_scan_come_before_it()
    {
        _clamd.Stop();
        var validator = Scanning();

        Assert.Equal("Выберите файл.", (await validator.CheckAsync(null, CancellationToken.None)).Error);
        Assert.Equal("Файл пуст.", (await validator.CheckAsync(File([], "скан.pdf"), CancellationToken.None)).Error);
        Assert.Empty(_log.Lines);
    }
}
