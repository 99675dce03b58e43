namespace Attestation.Web.Storage;

public sealed class UploadOptions
{
    public const string Section = "Uploads";

    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    /// <summary>
    /// The largest file a user may upload. Kestrel refuses request bodies over 30 000 000 bytes by default, so a larger
    /// value also needs <c>Kestrel:Limits:MaxRequestBodySize</c>.
    /// </summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;
}
