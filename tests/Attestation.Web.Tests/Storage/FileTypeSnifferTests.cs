using System.Text;
using Attestation.Web.Storage;

namespace Attestation.Web.Tests.Storage;

public sealed class FileTypeSnifferTests
{
    public static TheoryData<string, byte[], string> Accepted => new()
    {
        { "PDF", Bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "application/pdf" },
        { "JPEG (JFIF)", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46], "image/jpeg" },
        { "JPEG (Exif, from a phone)", [0xFF, 0xD8, 0xFF, 0xE1, 0x12, 0x34, 0x45, 0x78, 0x69, 0x66], "image/jpeg" },
        { "PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], "image/png" },
    };

    public static TheoryData<string, byte[]> Refused => new()
    {
        { "HTML renamed to .pdf", Bytes("<!DOCTYPE html><html><script>alert(1)</script>") },
        { "an ELF executable", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] },
        { "a Windows executable", Bytes("MZ\u0090\0\u0003\0\0\0") },
        { "plain text", Bytes("Описание результатов профессиональной деятельности") },
        { "a Word document (zip)", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] },
        { "an empty file", [] },
        { "PDF signature not at the start", Bytes(" %PDF-1.7") },
        { "a truncated PNG signature", [0x89, 0x50, 0x4E, 0x47] },
        { "a truncated PDF signature", Bytes("%PDF") },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Recognises_the_accepted_types_by_their_first_bytes(string what, byte[] content, string contentType)
    {
        var type = FileTypeSniffer.Detect(content);

        Assert.True(type is not null, $"{what} was not recognised.");
        Assert.Equal(contentType, type.ContentType);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_anything_else(string what, byte[] content) =>
        Assert.True(FileTypeSniffer.Detect(content) is null, $"{what} was taken for an accepted type.");

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
