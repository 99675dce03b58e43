using Microsoft.Extensions.Options;

namespace Attestation.Web.Storage;

/// <summary>
/// The antivirus side of <see cref="UploadValidator"/>: asks clamd about an upload when the region has turned the scan
/// on (<see cref="AntivirusOptions"/>), logs what it found with the account and the file name, and words the refusal
/// for the file field.
/// </summary>
public sealed partial class VirusScanner(IOptions<AntivirusOptions> options, IHttpContextAccessor http, ILogger<VirusScanner> logger)
{
    public const string UnavailableMessage = "Проверка файла на вирусы сейчас недоступна; файл не сохранён — попробуйте позже.";

    private readonly AntivirusOptions _options = options.Value;
    private readonly ClamdClient _clamd = new(options.Value);

    public bool Enabled => _options.Enabled;

    /// <summary>«Файл «скан.pdf» не принят: в нём найден вирус (Eicar-Test-Signature). …»</summary>
    public static string InfectedMessage(string fileName, string signature) =>
        $"Файл «{fileName}» не принят: в нём найден вирус ({signature}). Проверьте компьютер антивирусом и загрузите файл заново.";

    /// <summary>
    /// Null when the file may be stored (clean, the scan turned off, or clamd unavailable where the region stores
    /// unscanned files); otherwise the Russian message for the file field.
    /// </summary>
    public async Task<string?> RefusalAsync(string fileName, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        if (!_options.Enabled)
            return null;
        try
        {
            var verdict = await _clamd.ScanAsync(content, ct);
            if (!verdict.Infected)
                return null;
            LogInfected(logger, verdict.Signature!, Account(), fileName, content.Length);
            return InfectedMessage(fileName, verdict.Signature!);
        }
        catch (ClamdException error)
        {
            if (_options.WhenUnavailable == AntivirusUnavailable.Store)
            {
                LogStoredUnscanned(logger, error, fileName, Account(), content.Length);
                return null;
            }
            LogRefusedUnscanned(logger, error, fileName, Account(), content.Length);
            return UnavailableMessage;
        }
    }

    private string Account() =>
        http.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : "(anonymous)";

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Upload refused: virus {Signature:l} found in «{FileName:l}» ({Length} bytes) uploaded by {Account:l}")]
    private static partial void LogInfected(ILogger logger, string signature, string account, string fileName, int length);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Upload refused unscanned: the antivirus is unavailable; «{FileName:l}» by {Account:l} ({Length} bytes) was not stored")]
    private static partial void LogRefusedUnscanned(ILogger logger, Exception error, string fileName, string account, int length);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Upload stored unscanned (Antivirus:WhenUnavailable is Store): the antivirus is unavailable; «{FileName:l}» by {Account:l} ({Length} bytes)")]
    private static partial void LogStoredUnscanned(ILogger logger, Exception error, string fileName, string account, int length);
}
