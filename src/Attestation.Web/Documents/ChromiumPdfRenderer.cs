using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Attestation.Web.Documents;

/// <summary>
/// HTML to PDF with one headless Chromium per portal process (docs/decisions/0003-pdf-from-html-with-chromium.md).
/// The browser starts with the first document and is started again when it has died. Documents print in pages of one
/// context with no network and no scripts; a page that printed a document is reused for the next one (its content
/// replaced: with neither scripts nor network nothing of a document can carry over), which spares the ~0.5 s of a new
/// context and renderer per document. A bounded number of documents render at once, and none may take longer than
/// <see cref="PdfOptions.Timeout"/>.
/// </summary>
public sealed partial class ChromiumPdfRenderer : IPdfRenderer, IAsyncDisposable, IDisposable
{
    internal static readonly string[] LaunchArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        // Aborting requests in a route stops them before they are sent, but Chromium still opens TCP connections
        // ahead of them (preconnect). So no name resolves and every connection, to loopback too, goes to a proxy
        // whose own name does not resolve: the browser has no way out at all.
        "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://proxy.invalid:1", "--proxy-bypass-list=<-loopback>",
    ];

    /// <summary>
    /// Chromium fills the page-number spans itself; the footer lives in the bottom margin. It is rendered apart from
    /// the page and sees none of its fonts, so it brings its own <c>@font-face</c>.
    /// </summary>
    private static readonly Lazy<string> Footer = new(() =>
        $"""<style>{DocumentFonts.FooterFaceCss}</style><div style="width: 100%; margin: 0 15mm 0 25mm; font-family: {DocumentFonts.FontFamily.Replace('"', '\'')}; font-size: 9pt; color: #444; text-align: center;">стр. <span class="pageNumber"></span> из <span class="totalPages"></span></div>""");

    /// <summary>HTML longer than this (a journal of thousands of rows) does not keep its page for the next document.</summary>
    private const int LargeDocument = 2_000_000;

    /// <summary>
    /// HTML up to this long (an application, a conclusion, a schedule of a few dozen rows) reaches the browser as a
    /// message; longer HTML as a file (see <see cref="PrintAsync"/>).
    /// </summary>
    public const int MessageDocument = 256 * 1024;

    /// <summary>How long a page may take to close before the browser is considered wedged.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    private readonly PdfOptions _options;
    private readonly ILogger<ChromiumPdfRenderer> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly Lock _lock = new();
    private Task<BrowserSession>? _session;
    private bool _disposed;

    public ChromiumPdfRenderer(IOptions<PdfOptions> options, ILogger<ChromiumPdfRenderer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _slots = new SemaphoreSlim(_options.MaxConcurrency, _options.MaxConcurrency);
    }

    public async Task<byte[]> RenderAsync(string html, PdfPageOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(options);

        var timeout = _options.TimeoutFor(options);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await _slots.WaitAsync(deadline.Token);
            try
            {
                // A browser that died since the last document is replaced once; a second failure is a real one.
                for (var attempt = 1; ; attempt++)
                {
                    var session = await SessionAsync().WaitAsync(deadline.Token);
                    try
                    {
                        return await RenderOnAsync(session, html, options, deadline.Token, ct);
                    }
                    catch (PlaywrightException e) when (attempt == 1 && !session.Browser.IsConnected)
                    {
                        LogBrowserLost(_logger, e);
                    }
                }
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException(
                string.Create(CultureInfo.InvariantCulture, $"The PDF was not rendered within {timeout.TotalSeconds} s."), e);
        }
    }

    private async Task<byte[]> RenderOnAsync(
        BrowserSession session, string html, PdfPageOptions options, CancellationToken deadline, CancellationToken caller)
    {
        if (!session.TryTakeIdlePage(out var page))
        {
            var opening = session.Context.NewPageAsync();
            try
            {
                page = await opening.WaitAsync(deadline);
            }
            catch (OperationCanceledException)
            {
                _ = CloseWhenOpenedAsync(opening);
                // Opening a page is instant for a healthy browser: one that took the whole time allowed is wedged.
                if (!caller.IsCancellationRequested)
                    await InvalidateAsync(session);
                throw;
            }
        }

        var printing = PrintAsync(page, html, options);
        var printed = false;
        try
        {
            var pdf = await printing.WaitAsync(deadline);
            printed = true;
            return pdf;
        }
        finally
        {
            if (!printing.IsCompleted)
                _ = printing.ContinueWith(static t => t.Exception, CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            // The next document replaces this one on the same page (no scripts, no network: nothing of it can carry
            // over). A page that failed or overran is closed, which also ends its print; a browser that cannot even
            // do that is replaced. A very large document's page is closed too, so that it does not sit in memory.
            if (!printed || html.Length > LargeDocument || !session.ReturnIdlePage(page, _options.MaxConcurrency))
            {
                if (!await CloseAsync(page))
                    await InvalidateAsync(session);
            }
        }
    }

    private static readonly Dictionary<string, string> FontHeaders = new(StringComparer.Ordinal)
    {
        ["Cache-Control"] = "public, max-age=31536000, immutable",
        // The document's origin is about:blank: a font from another origin needs CORS.
        ["Access-Control-Allow-Origin"] = "*",
    };

    private static async Task<byte[]> PrintAsync(IPage page, string html, PdfPageOptions options)
    {
        // A long document reaches the browser as a file it reads itself, not as a message through the Playwright
        // driver: a message is JSON, and JSON escapes every Cyrillic letter to six bytes, so a journal of a few thousand
        // rows took a few hundred megabytes of the portal's memory in buffers on its way to Chromium. A short one goes as
        // a message all the same: no file written and removed, and no request for it routed through the driver to the
        // portal and back (an application's PDF: 300 → 200 ms, the message under a megabyte).
        if (html.Length <= MessageDocument)
        {
            await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
        }
        else
        {
            var file = DocumentFiles.Write(html);
            try
            {
                await page.GotoAsync(file.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            }
            finally
            {
                DocumentFiles.Delete(file);
            }
        }
        // Printing before a face has loaded would set that text in a fallback font.
        await page.EvaluateAsync("document.fonts.ready.then(() => undefined)");
        return await page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            Landscape = options.Landscape,
            PrintBackground = true,
            Margin = new Margin { Top = "20mm", Right = "15mm", Bottom = "20mm", Left = "25mm" },
            DisplayHeaderFooter = options.PageNumbers,
            HeaderTemplate = "<div></div>",
            FooterTemplate = Footer.Value,
            Tagged = options.Tagged,
        });
    }

    private static bool IsInline(string url) =>
        url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("about:", StringComparison.OrdinalIgnoreCase)
        || DocumentFiles.IsDocument(url);

    private static BrowserNewContextOptions ContextOptions() => new()
    {
        JavaScriptEnabled = false,
        Offline = true,
        ServiceWorkers = ServiceWorkerPolicy.Block,
        AcceptDownloads = false,
        Locale = "ru-RU",
    };

    private Task<BrowserSession> SessionAsync()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var current = _session;
            if (current is { IsCompleted: false } || (current is { IsCompletedSuccessfully: true } && current.Result.Browser.IsConnected))
                return current;

            _session = LaunchAsync(current);
            return _session;
        }
    }

    private async Task<BrowserSession> LaunchAsync(Task<BrowserSession>? previous)
    {
        if (previous is { IsCompletedSuccessfully: true })
        {
            LogRelaunch(_logger);
            await previous.Result.DisposeAsync();
        }

        ShieldDriverFromGroupSignals();
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = _options.ChromiumPath,
                Headless = true,
                Args = LaunchArguments,
                Timeout = (float)_options.Timeout.TotalMilliseconds,
                // Chromium runs in a process group of its own (Playwright starts it detached), so a Ctrl-C or a
                // SIGTERM to the portal's group does not reach it; left to the driver's default handlers it would
                // be closed on those signals all the same, under the documents still printing. The portal closes it
                // on shutdown (DisposeAsync), once the in-flight requests have finished.
                HandleSIGINT = false,
                HandleSIGTERM = false,
                HandleSIGHUP = false,
            });
            LogLaunched(_logger, _options.ChromiumPath, browser.Version);
            var context = await browser.NewContextAsync(ContextOptions());
            // Each document's deadline is enforced here (TimeoutFor: longer for a long table), and a page that overruns
            // it is closed, which ends whatever Playwright was waiting for: Playwright's own timeout stays out of it.
            context.SetDefaultTimeout(0);
            // The templates need nothing from outside: a document that tries to fetch something gets nothing.
            // The font files are answered from memory, cacheable, so that the next document finds them loaded.
            await context.RouteAsync("**/*", route =>
                DocumentFonts.TryGetFile(route.Request.Url, out var font)
                    ? route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "font/woff2", BodyBytes = font, Headers = FontHeaders })
                    : IsInline(route.Request.Url) ? route.ContinueAsync() : route.AbortAsync("blockedbyclient"));
            return new BrowserSession(playwright, browser, context);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Makes the Playwright driver about to start ignore SIGTERM and SIGHUP (Documents/playwright-driver-signals.cjs):
    /// it shares the portal's process group, and a signal to the group must not end it before the portal has let the
    /// documents in flight finish. The driver inherits the environment; the portal starts no other Node.js program.
    /// </summary>
    private static void ShieldDriverFromGroupSignals()
    {
        var preload = Path.Combine(AppContext.BaseDirectory, "Documents", "playwright-driver-signals.cjs");
        if (!File.Exists(preload))
            return;
        var option = $"--require \"{preload}\"";
        var current = Environment.GetEnvironmentVariable("NODE_OPTIONS");
        if (current?.Contains(option, StringComparison.Ordinal) == true)
            return;
        Environment.SetEnvironmentVariable("NODE_OPTIONS", string.IsNullOrWhiteSpace(current) ? option : $"{current} {option}");
    }

    /// <summary>Drops a browser that failed; the next document launches a new one.</summary>
    private async Task InvalidateAsync(BrowserSession session)
    {
        lock (_lock)
        {
            if (_session is { IsCompletedSuccessfully: true } current && ReferenceEquals(current.Result, session))
                _session = null;
        }
        await session.DisposeAsync();
    }

    private static async Task<bool> CloseAsync(IPage page)
    {
        try
        {
            await page.CloseAsync().WaitAsync(CloseGrace);
            return true;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>A page that arrives after its document gave up is closed as soon as it comes.</summary>
    private static async Task CloseWhenOpenedAsync(Task<IPage> opening)
    {
        try
        {
            await CloseAsync(await opening);
        }
        catch (PlaywrightException)
        {
            // The browser went away with it: nothing to close.
        }
    }

    /// <summary>The operating-system process of the current browser, for the test that kills it.</summary>
    internal async Task<int> BrowserProcessIdAsync()
    {
        var session = await SessionAsync();
        var cdp = await session.Browser.NewBrowserCDPSessionAsync();
        try
        {
            var info = await cdp.SendAsync("SystemInfo.getProcessInfo")
                ?? throw new InvalidOperationException("Chromium returned no process information.");
            return info.GetProperty("processInfo").EnumerateArray()
                .Where(p => p.GetProperty("type").GetString() == "browser")
                .Select(p => p.GetProperty("id").GetInt32())
                .Single();
        }
        finally
        {
            await cdp.DetachAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task<BrowserSession>? session;
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            session = _session;
            _session = null;
        }

        if (session is not null)
        {
            try
            {
                await (await session).DisposeAsync();
            }
            catch (Exception) when (session.IsFaulted || session.IsCanceled)
            {
                // It never launched: there is nothing to close.
            }
        }
        // _slots stays undisposed: a render still finishing must be able to release its slot.
    }

    /// <summary>For a container disposed synchronously (tests that dispose a host without awaiting).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    [LoggerMessage(Level = LogLevel.Information, Message = "Chromium {Version} started from {Path} for PDF documents")]
    private static partial void LogLaunched(ILogger logger, string path, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chromium has died or stopped answering; starting a new one")]
    private static partial void LogRelaunch(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chromium was lost while rendering a PDF; retrying with a new browser")]
    private static partial void LogBrowserLost(ILogger logger, Exception exception);

    /// <summary>
    /// A browser, its one context for documents (no scripts, no network) with the pages that are free for the next
    /// document, and the Playwright driver that talks to it; closed together.
    /// </summary>
    private sealed class BrowserSession(IPlaywright playwright, IBrowser browser, IBrowserContext context) : IAsyncDisposable
    {
        private readonly ConcurrentBag<IPage> _idle = [];
        private int _disposed;

        public IBrowser Browser => browser;

        public IBrowserContext Context => context;

        public bool TryTakeIdlePage([NotNullWhen(true)] out IPage? page)
        {
            while (_idle.TryTake(out page))
            {
                if (!page.IsClosed)
                    return true;
            }
            return false;
        }

        /// <summary>Keeps the page for the next document unless enough are kept already.</summary>
        public bool ReturnIdlePage(IPage page, int keep)
        {
            if (Volatile.Read(ref _disposed) == 1 || page.IsClosed || _idle.Count >= keep)
                return false;
            _idle.Add(page);
            return true;
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
                return;
            try
            {
                await browser.CloseAsync().WaitAsync(CloseGrace);
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                // Dead or wedged: stopping the driver below takes the browser down with it.
            }
            playwright.Dispose();
        }
    }
}
