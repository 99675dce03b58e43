namespace Attestation.Web.Storage;

/// <summary>A file type the portal accepts, as recognised from the file's first bytes.</summary>
public sealed record SniffedFileType(string Name, string ContentType, string Extension, IReadOnlyList<string> Extensions);

/// <summary>
/// Recognises PDF, JPEG and PNG by their signatures. The name and the Content-Type the browser sends are the user's
/// word; the first bytes are what a viewer will actually open.
/// </summary>
public static class FileTypeSniffer
{
    public static readonly SniffedFileType Pdf = new("PDF", "application/pdf", ".pdf", [".pdf"]);
    public static readonly SniffedFileType Jpeg = new("JPEG", "image/jpeg", ".jpg", [".jpg", ".jpeg", ".jpe", ".jfif"]);
    public static readonly SniffedFileType Png = new("PNG", "image/png", ".png", [".png"]);

    public static IReadOnlyList<SniffedFileType> Accepted { get; } = [Pdf, Jpeg, Png];

    /// <summary>How many leading bytes <see cref="Detect"/> needs at most.</summary>
    public const int HeaderLength = 8;

    private static ReadOnlySpan<byte> PdfSignature => "%PDF-"u8;
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The type whose signature the content starts with, or null for anything else.</summary>
    public static SniffedFileType? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PdfSignature))
            return Pdf;
        if (content.StartsWith(JpegSignature))
            return Jpeg;
        if (content.StartsWith(PngSignature))
            return Png;
        return null;
    }
}
