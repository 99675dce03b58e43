namespace Attestation.Web.Documents;

public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>Debian's Chromium; Playwright's own browser downloads are never used (environment Pdf__ChromiumPath).</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>Documents rendered at the same time by one portal process; each costs a Chromium renderer (~50–100 MB).</summary>
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>The most a document may take, waiting for a free slot included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
