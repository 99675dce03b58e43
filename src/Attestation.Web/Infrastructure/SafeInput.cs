using System.Buffers;
using System.Text;
using Attestation.Web.Areas.Operator.Pages.Directories.Import;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Attestation.Web.Infrastructure;

/// <summary>
/// What a person types never reaches PostgreSQL as an error, whatever the page: control characters (NUL above all,
/// which PostgreSQL's text refuses with an exception) are taken out of every form field and query parameter before any
/// page, antiforgery check or model binder reads them, and the page gets a message next to the field; a form over the
/// server's size limit is read without its oversized file, so that the page can say «Файл больше 20 МБ» and show the
/// rest of what was typed.
/// </summary>
public static class SafeInput
{
    public const string InvalidCharactersMessage = "Поле содержит недопустимые символы. Мы их убрали: проверьте значение и отправьте форму ещё раз.";

    /// <summary>A C0 control character or DEL; tab, carriage return and line feed belong to multi-line text.</summary>
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(
        [.. Enumerable.Range(0, 32).Select(c => (char)c).Where(c => c is not ('\t' or '\r' or '\n')), '\u007F']);

    public static bool HasForbidden(string? value) => value is not null && value.AsSpan().ContainsAny(Forbidden);

    public static string Clean(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!HasForbidden(value))
            return value;
        var clean = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!Forbidden.Contains(c))
                clean.Append(c);
        }
        return clean.ToString();
    }

    public static IServiceCollection AddSafeInput(this IServiceCollection services)
    {
        services.AddSingleton<BoundedFormReader>();
        return services;
    }

    /// <summary>After authorization: only a request the portal accepts may send a large body.</summary>
    public static IApplicationBuilder UseSafeInput(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!await ReadFormAsync(context))
                return;
            CleanQuery(context);
            await next(context);
        });

    /// <summary>The field names whose control characters were taken out in this request.</summary>
    public static IReadOnlySet<string> CleanedFields(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<CleanedFieldsFeature>()?.Names ?? (IReadOnlySet<string>)new HashSet<string>();
    }

    /// <summary>False when the request was answered here (a body far over the limit, a malformed form).</summary>
    private static async Task<bool> ReadFormAsync(HttpContext context)
    {
        var request = context.Request;
        // Already read: the error page re-executed after a refused form must not read the body again.
        if (!request.HasFormContentType || context.Features.Get<IFormFeature>()?.Form is not null)
            return true;

        var reader = context.RequestServices.GetRequiredService<BoundedFormReader>();
        IFormCollection form;
        try
        {
            form = await reader.ReadAsync(context, context.RequestAborted);
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse(context, StatusCodes.Status413PayloadTooLarge);
        }
        catch (BadHttpRequestException)
        {
            return Refuse(context, StatusCodes.Status400BadRequest);
        }
        catch (InvalidDataException)
        {
            return Refuse(context, StatusCodes.Status400BadRequest);
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
            return Refuse(context, StatusCodes.Status400BadRequest);
        }

        var cleaned = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in form)
            fields[name] = CleanValues(name, values, cleaned);
        context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields, form.Files)));
        Remember(context, cleaned);
        return true;
    }

    private static void CleanQuery(HttpContext context)
    {
        var query = context.Request.Query;
        if (!query.Any(pair => pair.Value.Any(HasForbidden)))
            return;
        var cleaned = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in query)
            fields[name] = CleanValues(name, values, cleaned);
        context.Request.Query = new QueryCollection(fields);
        Remember(context, cleaned);
    }

    private static StringValues CleanValues(string name, StringValues values, HashSet<string> cleaned)
    {
        if (!values.Any(HasForbidden))
            return values;
        cleaned.Add(name);
        return new StringValues([.. values.Select(value => value is null ? null : Clean(value))]);
    }

    private static void Remember(HttpContext context, HashSet<string> names)
    {
        if (names.Count == 0)
            return;
        var feature = context.Features.Get<CleanedFieldsFeature>();
        if (feature is null)
            context.Features.Set(new CleanedFieldsFeature(names));
        else
            feature.Names.UnionWith(names);
    }

    /// <summary>
    /// Answered with the status code page (a short Russian page, see Pages/Error). The body is not read: the form seen
    /// by the error page is empty.
    /// </summary>
    private static bool Refuse(HttpContext context, int status)
    {
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        context.Response.StatusCode = status;
        return false;
    }

    private sealed class CleanedFieldsFeature(HashSet<string> names)
    {
        public HashSet<string> Names { get; } = names;
    }
}

/// <summary>
/// Every page: a field whose control characters were taken out is invalid, with the message next to it, so the page
/// shows its form again (every handler starts with <c>if (!ModelState.IsValid) return Page();</c>) with what was typed.
/// </summary>
public sealed class SafeInputPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        foreach (var name in SafeInput.CleanedFields(context.HttpContext))
        {
            // The key a model binder uses for the field (the form's name), whatever its case in the request.
            var key = context.ModelState.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
            context.ModelState.AddModelError(key, SafeInput.InvalidCharactersMessage);
        }
        return next();
    }
}

/// <summary>
/// Reads a posted form as ASP.NET Core would, except that a file over <see cref="KeptFileBytes"/> is not kept: its part
/// is read to the end and thrown away, and the form gets a file with its real length and no content, which every upload
/// check refuses by its length («Файл больше 20 МБ»). So the fields typed before and after the file stay. The server's
/// limit on the body is raised to <see cref="MaxBodyBytes"/> for forms only; a larger body gets HTTP 413.
/// </summary>
public sealed class BoundedFormReader(IOptions<UploadOptions> uploads, IOptions<FormOptions> formOptions)
{
    private const int MemoryThreshold = 64 * 1024;

    private readonly FormOptions _form = formOptions.Value;

    /// <summary>The largest file any page accepts: a larger one is refused by its length, never read.</summary>
    public long KeptFileBytes { get; } = Math.Max(uploads.Value.MaxBytes, ImportWorkbook.MaxBytes);

    public long MaxBodyBytes => Math.Max(3 * KeptFileBytes, 64L * 1024 * 1024);

    public async Task<IFormCollection> ReadAsync(HttpContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        if (request.ContentLength > MaxBodyBytes)
            throw new BadHttpRequestException("The form is larger than the portal accepts.", StatusCodes.Status413PayloadTooLarge);

        var contentType = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.ContentType);
        if (!contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            // Read here rather than by ASP.NET Core's form reader, which refuses a %00 with HTTP 400 before any page can
            // say what is wrong.
            var body = await ReadValueAsync(request.Body, ct);
            return new FormCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseNullableQuery(body));
        }

        var boundary = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > _form.MultipartBoundaryLengthLimit)
            throw new InvalidDataException("The multipart boundary is missing or too long.");

        var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, request.Body)
        {
            HeadersCountLimit = _form.MultipartHeadersCountLimit,
            HeadersLengthLimit = _form.MultipartHeadersLengthLimit,
            BodyLengthLimit = null,
        };
        var fields = new Microsoft.AspNetCore.WebUtilities.KeyValueAccumulator();
        var files = new FormFileCollection();
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException("A form part without Content-Disposition: form-data.");
            var name = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
            if (disposition.FileName.HasValue || disposition.FileNameStar.HasValue)
            {
                var (content, length) = await BufferAsync(section.Body, ct);
                context.Response.RegisterForDisposeAsync(content);
                var fileName = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(
                    disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
                files.Add(new FormFile(content, 0, length, name, fileName)
                {
                    Headers = new HeaderDictionary(section.Headers),
                });
            }
            else
            {
                fields.Append(name, await ReadValueAsync(section.Body, ct));
            }
            if (fields.ValueCount + files.Count > _form.ValueCountLimit)
                throw new InvalidDataException($"More than {_form.ValueCountLimit} form values.");
        }
        return new FormCollection(fields.HasValues ? fields.GetResults() : null, files);
    }

    private async Task<string> ReadValueAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > _form.ValueLengthLimit)
                throw new InvalidDataException($"A form value over {_form.ValueLengthLimit} bytes.");
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The part's bytes (in memory, then in a temporary file) and its length; no bytes past the kept size.</summary>
    private async Task<(Stream Content, long Length)> BufferAsync(Stream body, CancellationToken ct)
    {
        Stream buffer = new MemoryStream();
        var chunk = new byte[81920];
        long length = 0;
        int read;
        try
        {
            while ((read = await body.ReadAsync(chunk, ct)) > 0)
            {
                length += read;
                if (length > KeptFileBytes)
                {
                    if (buffer != Stream.Null)
                    {
                        await buffer.DisposeAsync();
                        buffer = Stream.Null;
                    }
                    continue;
                }
                if (buffer is MemoryStream memory && memory.Length + read > MemoryThreshold)
                {
                    var file = new FileStream(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew,
                        FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                    memory.Position = 0;
                    await memory.CopyToAsync(file, ct);
                    buffer = file;
                }
                await buffer.WriteAsync(chunk.AsMemory(0, read), ct);
            }
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }
        if (buffer != Stream.Null)
            buffer.Position = 0;
        return (buffer, length);
    }
}
