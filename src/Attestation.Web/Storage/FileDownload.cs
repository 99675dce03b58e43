using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attestation.Web.Storage;

/// <summary>
/// How every stored or generated file leaves the portal: always as an attachment (never rendered inside the portal's
/// origin), with its real content type, the file name in UTF-8 (<c>filename*</c>) with a transliterated ASCII fallback
/// (<see cref="DownloadName"/>), no MIME sniffing and no caching of personal documents by proxies or the browser.
/// </summary>
public static class FileDownload
{
    /// <summary><c>return FileDownload.Attachment(file);</c> from a page handler, after checking the user may see it.</summary>
    public static IActionResult Attachment(StoredFileContent file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Attachment(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>For a document generated on the fly, e.g. <c>Attachment(pdf, "application/pdf", "Заявление.pdf")</c>.</summary>
    public static IActionResult Attachment(byte[] content, string contentType, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return new AttachmentResult(content, contentType, fileName);
    }

    /// <summary><c>return this.Attachment(file);</c> from a page handler, after checking the user may see it.</summary>
    public static IActionResult Attachment(this PageModel page, StoredFileContent file)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Attachment(file);
    }

    /// <summary><c>return this.Attachment(pdf, "application/pdf", "Заявление.pdf");</c> for a generated document.</summary>
    public static IActionResult Attachment(this PageModel page, byte[] content, string contentType, string fileName)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Attachment(content, contentType, fileName);
    }

    /// <summary>
    /// A document too long to hold in memory (a journal of the region's ten years): <paramref name="write"/> writes it
    /// into a temporary file, which is sent and deleted when the response is done. Memory stays that of one line.
    /// </summary>
    public static async Task<IActionResult> AttachmentAsync(this PageModel page, Func<Stream, CancellationToken, Task> write,
        string contentType, string fileName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(write);
        var file = new FileStream(Path.Combine(Path.GetTempPath(), "attestation-" + Path.GetRandomFileName()),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 64 * 1024, FileOptions.DeleteOnClose);
        try
        {
            await write(file, ct);
            file.Position = 0;
            return new StreamAttachmentResult(file, contentType, fileName);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>The headers every download of a document or of user content carries.</summary>
    private static void SetHeaders(ActionContext context, string savedName)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.HttpContext.Response.Headers;
        // Set here rather than through FileDownloadName, whose ASCII fallback is a row of underscores.
        headers.ContentDisposition = DownloadName.ContentDisposition(savedName);
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store";
    }

    /// <summary>A file result that also sets the response headers a download of user content needs.</summary>
    public sealed class AttachmentResult(byte[] content, string contentType, string fileName) : FileContentResult(content, contentType)
    {
        /// <summary>The name the file is saved under, cleaned (<see cref="DownloadName.Clean"/>).</summary>
        public string SavedName { get; } = DownloadName.Clean(fileName);

        public override async Task ExecuteResultAsync(ActionContext context)
        {
            await RecordAsync(context, SavedName);
            SetHeaders(context, SavedName);
            await base.ExecuteResultAsync(context);
        }
    }

    /// <summary>The same for a document sent from a stream, which is disposed once sent.</summary>
    public sealed class StreamAttachmentResult(Stream content, string contentType, string fileName) : FileStreamResult(content, contentType)
    {
        public string SavedName { get; } = DownloadName.Clean(fileName);

        public override async Task ExecuteResultAsync(ActionContext context)
        {
            await RecordAsync(context, SavedName);
            SetHeaders(context, SavedName);
            await base.ExecuteResultAsync(context);
        }
    }

    /// <summary>Every download of a document or an export is in the audit log: who, when, from where, which file.</summary>
    private static Task RecordAsync(ActionContext context, string savedName)
    {
        var request = context.HttpContext.Request;
        // The portal always has the log (AuditSetup); a result executed on its own (a unit test of the headers) has not.
        return context.HttpContext.RequestServices.GetService<AuditLog>()?.RecordAsync(AuditAction.Download,
            $"«{savedName}» ({request.Path}{request.QueryString})", context.HttpContext.RequestAborted) ?? Task.CompletedTask;
    }
}
