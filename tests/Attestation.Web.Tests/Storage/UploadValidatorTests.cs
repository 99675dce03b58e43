using System.Security.Claims;
using System.Text;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Tests.Storage;

public sealed class UploadValidatorTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];

    private readonly UploadValidator _validator = Validator();

    /// <summary>The validator as the portal builds it; the antivirus off unless <paramref name="antivirus"/> turns it on.</summary>
    internal static UploadValidator Validator(long maxBytes = UploadOptions.DefaultMaxBytes, AntivirusOptions? antivirus = null,
        ILoggerProvider? log = null, string? account = null)
    {
        var http = new HttpContextAccessor();
        if (account is not null)
            http.HttpContext = new DefaultHttpContext
            {
                User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, account)], "Test")),
            };
        // The provider outlives the validator; a factory over it holds nothing else that needs disposing.
        ILogger<VirusScanner> logger = log is null ? NullLogger<VirusScanner>.Instance : new Logger<VirusScanner>(new LoggerFactory([log]));
        var scanner = new VirusScanner(Options.Create(antivirus ?? new AntivirusOptions()), http, logger);
        return new UploadValidator(Options.Create(new UploadOptions { MaxBytes = maxBytes }), scanner);
    }

    [Fact]
    public async Task A_PDF_passes_with_the_type_read_from_its_bytes_not_from_the_browser()
    {
        var check = await _validator.CheckAsync(File(Pdf, "Заявление.pdf", contentType: "text/html"), CancellationToken.None);

        Assert.True(check.IsValid, check.Error);
        Assert.Null(check.Error);
        Assert.Equal("application/pdf", check.Upload!.ContentType);
        Assert.Equal("Заявление.pdf", check.Upload.FileName);
        Assert.Equal(Pdf, check.Upload.Content);
    }

    [Fact]
    public async Task No_file_asks_to_choose_one()
    {
        Assert.Equal("Выберите файл.", (await _validator.CheckAsync(null, CancellationToken.None)).Error);
        Assert.Equal("Выберите файл.", (await _validator.CheckAsync(File([], ""), CancellationToken.None)).Error);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var check = await _validator.CheckAsync(File([], "скан.pdf"), CancellationToken.None);

        Assert.False(check.IsValid);
        Assert.Equal("Файл пуст.", check.Error);
    }

    [Fact]
    public async Task A_file_over_the_configured_size_is_refused_with_the_limit_in_the_message()
    {
        var validator = Validator(maxBytes: 40);

        var over = await validator.CheckAsync(File(Pdf, "скан.pdf"), CancellationToken.None);
        var exactly = await validator.CheckAsync(File(Pdf[..40], "скан.pdf"), CancellationToken.None);

        Assert.Equal("Файл больше 40 байт.", over.Error);
        Assert.True(exactly.IsValid, exactly.Error);
    }

    [Fact]
    public async Task The_default_limit_is_20_MB()
    {
        var content = new byte[UploadOptions.DefaultMaxBytes + 1];
        Pdf.CopyTo(content, 0);

        var check = await _validator.CheckAsync(File(content, "большой.pdf"), CancellationToken.None);

        Assert.Equal("Файл больше 20 МБ.", check.Error);
    }

    [Fact]
    public async Task A_part_that_understates_its_length_is_still_measured()
    {
        var validator = Validator(maxBytes: 40);

        var check = await validator.CheckAsync(new UnderstatedFile(Pdf, declaredLength: 10), CancellationToken.None);

        Assert.Equal("Файл больше 40 байт.", check.Error);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1_000)]
    public async Task A_part_that_misstates_its_length_within_the_limit_is_read_whole(long declaredLength)
    {
        var check = await _validator.CheckAsync(new UnderstatedFile(Pdf, declaredLength), CancellationToken.None);

        Assert.True(check.IsValid, check.Error);
        Assert.Equal(Pdf, check.Upload!.Content);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><script>alert(1)</script>", "отчёт.pdf", "application/pdf")]
    [InlineData("MZ\u0090\0\u0003\0\0\0", "скан.jpg", "image/jpeg")]
    [InlineData("\u007fELF\u0002\u0001\u0001", "скан.png", "image/png")]
    [InlineData("Просто текст", "описание.pdf", "application/pdf")]
    public async Task Anything_but_PDF_JPEG_or_PNG_is_refused_whatever_its_name_and_type(string content, string name, string contentType)
    {
        var check = await _validator.CheckAsync(File(Encoding.UTF8.GetBytes(content), name, contentType), CancellationToken.None);

        Assert.False(check.IsValid);
        Assert.Equal($"Допускаются только файлы PDF, JPEG или PNG: файл «{name}» не является ни одним из них.", check.Error);
    }

    [Fact]
    public async Task The_stored_name_is_sanitised()
    {
        var check = await _validator.CheckAsync(File(Pdf, "C:\\Users\\Ольга\\Desktop\\\u202Eскан\u0007 заявления.pdf"), CancellationToken.None);

        Assert.Equal("скан заявления.pdf", check.Upload!.FileName);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\fakepath\\Заявление.PDF", "Заявление.PDF")]
    [InlineData("  .скан  заявления.pdf. ", "скан заявления.pdf")]
    [InlineData("line\r\nbreak.pdf", "line break.pdf")]
    [InlineData("", "файл.pdf")]
    [InlineData(".pdf", "pdf.pdf")]
    [InlineData("отчёт.docx", "отчёт.docx.pdf")]
    [InlineData("скан", "скан.pdf")]
    public void Names_lose_paths_and_control_characters_and_keep_an_extension_of_their_type(string name, string expected) =>
        Assert.Equal(expected, UploadValidator.SanitiseFileName(name, FileTypeSniffer.Pdf));

    [Fact]
    public void A_PNG_named_pdf_gets_the_extension_of_what_it_is()
    {
        Assert.Equal("скан.png", UploadValidator.SanitiseFileName("скан.pdf", FileTypeSniffer.Png));
        Assert.Equal("фото.jpeg", UploadValidator.SanitiseFileName("фото.jpeg", FileTypeSniffer.Jpeg));
    }

    [Fact]
    public async Task A_long_name_is_cut_to_255_characters_keeping_the_extension()
    {
        var check = await _validator.CheckAsync(File(Png, new string('я', 400) + ".png"), CancellationToken.None);

        Assert.Equal(StoredFile.FileNameMaxLength, check.Upload!.FileName.Length);
        Assert.EndsWith("я.png", check.Upload.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_never_splits_a_character_outside_the_basic_plane()
    {
        var name = UploadValidator.SanitiseFileName(new string('я', 250) + "😀😀😀😀😀.pdf", FileTypeSniffer.Pdf);

        Assert.True(name.Length <= StoredFile.FileNameMaxLength);
        Assert.False(char.IsHighSurrogate(name[^5]), "A surrogate pair was cut in half.");
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20 * 1024 * 1024, "20 МБ")]
    [InlineData(1536 * 1024, "1,5 МБ")]
    [InlineData(512 * 1024, "512 КБ")]
    [InlineData(101, "101 байт")]
    [InlineData(42, "42 байта")]
    public void Sizes_are_written_in_Russian(long bytes, string expected) =>
        Assert.Equal(expected, UploadValidator.SizeText(bytes));

    internal static FormFile File(byte[] content, string name, string contentType = "application/octet-stream") =>
        new(new MemoryStream(content), 0, content.Length, "Upload", name)
        {
            Headers = new HeaderDictionary(),
            ContentType = contentType,
        };

    /// <summary>A form part whose declared length is not what its stream holds.</summary>
    private sealed class UnderstatedFile(byte[] content, long declaredLength) : IFormFile
    {
        public string ContentType => "application/pdf";
        public string ContentDisposition => "form-data; name=\"Upload\"; filename=\"скан.pdf\"";
        public IHeaderDictionary Headers { get; } = new HeaderDictionary();
        public long Length => declaredLength;
        public string Name => "Upload";
        public string FileName => "скан.pdf";
        public void CopyTo(Stream target) => target.Write(content);
        public Task CopyToAsync(Stream target, CancellationToken cancellationToken = default) => target.WriteAsync(content, cancellationToken).AsTask();
        public Stream OpenReadStream() => new MemoryStream(content);
    }
}
