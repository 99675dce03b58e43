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

    /// <summary>
    /// Added to <see cref="Timeout"/> for each row of a table document: Chromium lays out a journal or schedule in time
    /// proportional to its rows (about 3 ms a row on two cores), so a region's 5,000-row consolidated schedule gets
    /// 30 + 50 s rather than failing at 30.
    /// </summary>
    public TimeSpan TimePerTableRow { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The time allowed for a document printed with these options.</summary>
    public TimeSpan TimeoutFor(PdfPageOptions page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Timeout + TimePerTableRow * Math.Max(0, page.TableRows);
    }
}
