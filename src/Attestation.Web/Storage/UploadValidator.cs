using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Storage;

/// <summary>
/// The one check every upload goes through before <see cref="IFileStore.Stage"/>: present, not empty, not too large,
/// free of viruses where the region scans (<see cref="VirusScanner"/>), and really a PDF, JPEG or PNG whatever its name
/// says. The messages are Russian and meant for the form field. The bytes of an uploaded file are read here and nowhere
/// else (<see cref="ReadAsync"/>, which the Excel imports use too), so no upload reaches the database unscanned.
/// </summary>
public sealed class UploadValidator(IOptions<UploadOptions> options, VirusScanner scanner)
{
    private readonly long _maxBytes = options.Value.MaxBytes;

    public long MaxBytes => _maxBytes;

    /// <summary>«20 МБ»: for the hint under the file field.</summary>
    public string MaxSizeText => SizeText(_maxBytes);

    public async Task<UploadCheck> CheckAsync(IFormFile? file, CancellationToken ct)
    {
        // A form posted with nothing chosen sends an empty part with no name.
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
            return Refused("Выберите файл.");
        if (file.Length == 0)
            return Refused("Файл пуст.");
        if (file.Length > _maxBytes)
            return Refused($"Файл больше {MaxSizeText}.");

        var (content, error) = await ReadAsync(file, _maxBytes, $"Файл больше {MaxSizeText}.", ct);
        if (content is null)
            return Refused(error!);
        if (content.Length == 0)
            return Refused("Файл пуст.");

        var type = FileTypeSniffer.Detect(content);
        var name = SanitiseFileName(file.FileName, type);
        if (type is null)
            return Refused($"Допускаются только файлы PDF, JPEG или PNG: файл «{name}» не является ни одним из них.");

        return new UploadCheck(new ValidatedUpload(name, type.ContentType, content), null);
    }

    /// <summary>
    /// A name that is safe to store, show and send back in Content-Disposition: the client's path dropped (old browsers
    /// send «C:\…\скан.pdf»), control and invisible formatting characters removed (a right-to-left override makes
    /// «exe.pdf» look like «fdp.exe»), at most <see cref="StoredFile.FileNameMaxLength"/> characters, and an extension
    /// that matches the detected type so the file opens in the right program when downloaded.
    /// </summary>
    public static string SanitiseFileName(string? fileName, SniffedFileType? type)
    {
        var name = fileName ?? string.Empty;
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];

        var clean = new StringBuilder(name.Length);
        // By code point: a lone surrogate comes out as U+FFFD and is dropped with the rest.
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
                clean.Append(' ');
            else if (rune != Rune.ReplacementChar && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control
                         or UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned))
                clean.Append(rune.ToString());
        }

        // Leading dots would make a hidden file on download; trailing dots and spaces are dropped by Windows anyway.
        name = clean.ToString().Trim().TrimStart('.').TrimEnd('.', ' ');
        while (name.Contains("  ", StringComparison.Ordinal))
            name = name.Replace("  ", " ", StringComparison.Ordinal);

        var extension = Path.GetExtension(name);
        var stem = name[..^extension.Length];
        if (type is not null && !type.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            // «скан.pdf» that is really a PNG becomes «скан.png»; «отчёт.docx» that is really a PDF, «отчёт.docx.pdf».
            if (!FileTypeSniffer.Accepted.Any(t => t.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase)))
                stem = name;
            extension = type.Extension;
        }

        if (stem.Trim().Length == 0)
            stem = "файл";

        var maxStem = StoredFile.FileNameMaxLength - extension.Length;
        if (stem.Length > maxStem)
            stem = TrimTo(stem, maxStem).TrimEnd();
        return stem + extension;
    }

    /// <summary>«20 МБ», «1,5 МБ», «500 КБ», «100 байт».</summary>
    public static string SizeText(long bytes)
    {
        var russian = CultureInfo.GetCultureInfo("ru-RU");
        const long kilobyte = 1024, megabyte = 1024 * 1024;
        if (bytes >= megabyte)
            return ((double)bytes / megabyte).ToString("0.#", russian) + " МБ";
        if (bytes >= kilobyte)
            return ((double)bytes / kilobyte).ToString("0.#", russian) + " КБ";
        var n = bytes % 100;
        var unit = n is >= 11 and <= 14 ? "байт" : (n % 10) switch { 1 => "байт", 2 or 3 or 4 => "байта", _ => "байт" };
        return bytes.ToString(russian) + " " + unit;
    }

    private static UploadCheck Refused(string message) => new(null, message);

    /// <summary>
    /// The bytes of an uploaded file, scanned for viruses; or, instead, <paramref name="tooLarge"/> when there are more
    /// than <paramref name="maxBytes"/> of them, or the scanner's refusal. Any upload's content is read through here.
    /// </summary>
    public async Task<(byte[]? Content, string? Error)> ReadAsync(IFormFile file, long maxBytes, string tooLarge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var content = await ReadBoundedAsync(file, maxBytes, ct);
        if (content is null)
            return (null, tooLarge);
        if (content.Length == 0)
            return (content, null);

        // Before the type is judged: a virus is named as such, whatever the file pretends to be.
        var refusal = await scanner.RefusalAsync(SanitiseFileName(file.FileName, null), content, ct);
        return refusal is null ? (content, null) : (null, refusal);
    }

    /// <summary>
    /// Reads at most one byte more than allowed: the length a form part declares is not taken on trust. The bytes go
    /// straight into one array of the declared length (a 2 MB scan is one 2 MB array, not a growing buffer and its
    /// copy: four times the large-object heap under a deadline's burst of uploads); only a part longer than it
    /// declared is read on into a buffer that grows.
    /// </summary>
    private static async Task<byte[]?> ReadBoundedAsync(IFormFile file, long maxBytes, CancellationToken ct)
    {
        await using var source = file.OpenReadStream();
        var declared = (int)Math.Clamp(file.Length, 0, Math.Min(maxBytes, Array.MaxLength));
        var content = GC.AllocateUninitializedArray<byte>(declared);
        var filled = await source.ReadAtLeastAsync(content, declared, throwOnEndOfStream: false, ct);
        if (filled < declared)
            return content[..filled];

        var next = new byte[1];
        if (await source.ReadAsync(next, ct) == 0)
            return content;
        if (declared + 1L > maxBytes)
            return null;
        using var buffer = new MemoryStream();
        buffer.Write(content);
        buffer.Write(next);
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Cuts at a character boundary: never between the halves of a surrogate pair.</summary>
    private static string TrimTo(string value, int length) =>
        length < value.Length && char.IsHighSurrogate(value[length - 1]) ? value[..(length - 1)] : value[..length];
}
