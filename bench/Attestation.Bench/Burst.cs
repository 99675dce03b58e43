using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Attestation.Bench;

/// <summary>
/// The deadline burst (issue 11): teachers without an application sign in, fill the form, attach a 2 MB PDF and submit,
/// started at an even pace so that <c>count</c> submissions fall within <c>window</c>. Each teacher has a cookie
/// container of his own, as a browser would. Every request is timed; the goal is judged on the upload and the submit.
/// </summary>
public sealed class Burst(Uri baseUrl, string password, IReadOnlyList<string> teachers, TimeSpan window, TextWriter log)
{
    public const int PdfBytes = 2 * 1024 * 1024;

    /// <summary>Steps the goal (p95 ≤ 1 s) is judged on: the two posts a teacher makes at the deadline.</summary>
    private static readonly string[] Judged = [Steps.Upload, Steps.Submit];

    private static readonly HtmlParser Parser = new();

    private readonly ConcurrentBag<(string Step, double Ms, bool Ok)> _timings = [];
    private readonly ConcurrentBag<string> _errors = [];
    private readonly byte[] _pdf = MinimalPdf(PdfBytes);
    private int _submitted;

    private static class Steps
    {
        public const string SignIn = "вход (GET + POST)";
        public const string Form = "форма (GET)";
        public const string Upload = "загрузка PDF 2 МБ (POST)";
        public const string Submit = "подача (POST)";
    }

    /// <summary>
    /// <c>burst --base-url http://127.0.0.1:5080 --accounts bench/.data/accounts.json [--count 1000] [--window 300]
    /// [--out burst.md]</c>: exits 1 when a goal is missed, 2 on bad arguments.
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments)
    {
        string? Option(string name) =>
            arguments.ToList().IndexOf(name) is var i and >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : null;
        var baseUrl = Option("--base-url");
        var accountsPath = Option("--accounts") ?? "bench/.data/accounts.json";
        if (baseUrl is null || !File.Exists(accountsPath))
        {
            await Console.Error.WriteLineAsync("burst needs --base-url http://… and --accounts <file> (an existing accounts file).");
            return 2;
        }

        using var accounts = JsonDocument.Parse(await File.ReadAllTextAsync(accountsPath));
        var root = accounts.RootElement;
        var password = root.GetProperty("password").GetString()!;
        var teachers = root.TryGetProperty("burstTeachers", out var list)
            ? list.EnumerateArray().Select(t => t.GetString()!).ToList()
            : [];
        var count = Math.Min(int.Parse(Option("--count") ?? "1000", CultureInfo.InvariantCulture), teachers.Count);
        var window = TimeSpan.FromSeconds(double.Parse(Option("--window") ?? "300", CultureInfo.InvariantCulture));
        if (count == 0)
        {
            await Console.Error.WriteLineAsync($"{accountsPath} lists no burstTeachers: nothing to submit.");
            return 2;
        }

        var burst = new Burst(new Uri(baseUrl), password, teachers.Take(count).ToList(), window, Console.Error);
        var elapsed = await burst.RunAsync();
        var report = burst.Report(elapsed, out var met);
        Console.WriteLine(report);
        if (Option("--out") is { } output)
            await File.WriteAllTextAsync(output, report);
        return met ? 0 : 1;
    }

    public async Task<TimeSpan> RunAsync()
    {
        using var slots = new SemaphoreSlim(64);
        var clock = Stopwatch.StartNew();
        var interval = window / teachers.Count;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"burst: {teachers.Count} teachers, one every {interval.TotalMilliseconds:0} ms, {_pdf.Length:N0}-byte PDF"));
        var flows = new List<Task>(teachers.Count);
        for (var i = 0; i < teachers.Count; i++)
        {
            var due = interval * i - clock.Elapsed;
            if (due > TimeSpan.Zero)
                await Task.Delay(due);
            await slots.WaitAsync();
            var login = teachers[i];
            var address = AddressOf(i);
            flows.Add(Task.Run(async () =>
            {
                try
                {
                    await SubmitAsync(login, address);
                }
                finally
                {
                    slots.Release();
                }
            }));
            if ((i + 1) % 100 == 0)
                log.WriteLine($"burst: {i + 1} started, {_submitted} submitted, {_errors.Count} errors, {clock.Elapsed:mm\\:ss}");
        }
        await Task.WhenAll(flows);
        return clock.Elapsed;
    }

    /// <summary>
    /// The network address the teacher's requests come from (10.x.y.z): teachers sign in from their homes and schools,
    /// not from one machine, and the portal limits the sign-in posts per address (SignInLimits, 60 a minute). The
    /// portal believes the X-Forwarded-For of a loopback peer, as it does of its own reverse proxy.
    /// </summary>
    private static string AddressOf(int teacher) =>
        string.Create(CultureInfo.InvariantCulture, $"10.{(teacher >> 16) & 255}.{(teacher >> 8) & 255}.{teacher & 255}");

    private async Task SubmitAsync(string login, string address)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        try
        {
            var signIn = Stopwatch.StartNew();
            var loginForm = await GetFormAsync(client, "/Account/Login");
            loginForm.Fields["Input.Login"] = login;
            loginForm.Fields["Input.Password"] = password;
            using (var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(loginForm.Fields)))
                Expect(Steps.SignIn, signIn, response, "/Teacher");

            var form = await TimedFormAsync(client, "/Teacher/Applications/Edit");
            foreach (var (name, value) in CompleteForm)
                form.Fields[name] = value;
            var id = await UploadAsync(client, form, "/Teacher/Applications/Edit?handler=Upload", "SignedApplication");
            // Primary-school teachers attach their lesson technology card as well (RequiredDocuments).
            if (form.PrimaryClasses)
                await UploadAsync(client, await TimedFormAsync(client, EditUrl(id)), $"/Teacher/Applications/Edit?id={id}&handler=Upload", "LessonTechnologyCard");

            var filled = await TimedFormAsync(client, EditUrl(id));
            var submit = Stopwatch.StartNew();
            using (var response = await client.PostAsync($"/Teacher/Applications/Edit?id={id}&handler=Submit", new FormUrlEncodedContent(filled.Fields)))
                Expect(Steps.Submit, submit, response, "/Teacher/Applications/Details");
            Interlocked.Increment(ref _submitted);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or BurstException)
        {
            _errors.Add($"{login}: {error.Message}");
        }
    }

    private async Task<Guid> UploadAsync(HttpClient client, Form form, string url, string kind)
    {
        using var content = new MultipartFormDataContent();
        // The form's own UploadKind select says SignedApplication: the kind chosen replaces it (the binder takes the first).
        foreach (var (name, value) in form.Fields.Where(f => f.Key != "UploadKind"))
            content.Add(new StringContent(value), name);
        content.Add(new StringContent(kind), "UploadKind");
        var file = new ByteArrayContent(_pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "Upload", "скан заявления.pdf");
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync(url, content);
        var location = Expect(Steps.Upload, watch, response, "/Teacher/Applications/Edit?id=");
        return Guid.Parse(location[(location.IndexOf("id=", StringComparison.Ordinal) + 3)..][..36]);
    }

    private async Task<Form> TimedFormAsync(HttpClient client, string url)
    {
        var watch = Stopwatch.StartNew();
        var form = await GetFormAsync(client, url);
        _timings.Add((Steps.Form, watch.Elapsed.TotalMilliseconds, true));
        return form;
    }

    /// <summary>The first post form of the page's main content, as a browser would send it.</summary>
    private static async Task<Form> GetFormAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new BurstException($"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var form = document.QuerySelector("main form[method=post]") as IHtmlFormElement
            ?? throw new BurstException($"GET {url}: no form");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var primary = false;
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name))
                continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked)
                        fields[name] = box.Value;
                    break;
                case IHtmlInputElement { Type: "submit" or "button" or "image" or "file" }:
                    break;
                case IHtmlInputElement input:
                    fields.TryAdd(name, input.Value);
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.SelectedOptions.Length > 0 ? select.SelectedOptions[0] : null;
                    fields[name] = chosen?.Value ?? "";
                    primary |= name == "Input.SubjectId" && chosen?.Text.Trim() == "начальных классов";
                    break;
                case IHtmlTextAreaElement area:
                    fields[name] = area.Value;
                    break;
            }
        }
        return new Form(fields, primary);
    }

    private sealed record Form(Dictionary<string, string> Fields, bool PrimaryClasses);

    /// <summary>Times the step and checks it redirected where it should; anything else is an error of the burst.</summary>
    private string Expect(string step, Stopwatch watch, HttpResponseMessage response, string redirectStart)
    {
        var ms = watch.Elapsed.TotalMilliseconds;
        var location = response.Headers.Location?.OriginalString ?? "";
        var ok = response.StatusCode == HttpStatusCode.Redirect && location.StartsWith(redirectStart, StringComparison.Ordinal);
        _timings.Add((step, ms, ok));
        if (!ok)
            throw new BurstException($"{step}: {(int)response.StatusCode} {location}");
        return location;
    }

    private static string EditUrl(Guid id) => $"/Teacher/Applications/Edit?id={id}";

    /// <summary>A first-category application on general grounds, in person (what the web tests submit).</summary>
    private static readonly Dictionary<string, string> CompleteForm = new()
    {
        ["Input.ClaimedCategory"] = "First",
        ["Input.Form"] = "InPerson",
        ["Input.EducationInstitution"] = "Томский государственный педагогический университет",
        ["Input.EducationYear"] = "2005",
        ["Input.EducationSpeciality"] = "математика",
        ["Input.EducationQualification"] = "учитель",
        ["Input.PedagogicalServiceYears"] = "18",
        ["Input.PositionServiceYears"] = "15",
        ["Input.OrganisationServiceYears"] = "10",
        ["Input.ResultsGrounds"] = "Ученики — призёры региональной олимпиады.",
        ["Input.PersonalDataConsent"] = "true",
    };

    /// <summary>
    /// A valid one-page PDF of exactly <paramref name="size"/> bytes: its content stream is padded with a PDF comment,
    /// so the file is as heavy as a scan while any reader opens it.
    /// </summary>
    public static byte[] MinimalPdf(int size)
    {
        string Objects(int padding) =>
            "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
            + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n"
            + $"4 0 obj\n<< /Length {padding + 2} >>\nstream\n%{new string('0', padding)}\n\nendstream\nendobj\n";

        const string header = "%PDF-1.4\n";
        // The padding's own length figures change the offsets: a few rounds settle it.
        var padding = 0;
        for (var length = Build(padding).Length; length != size; length = Build(padding).Length)
            padding += size - length;
        return Encoding.ASCII.GetBytes(Build(padding));

        string Build(int padding)
        {
            var body = new StringBuilder(header);
            var offsets = new List<int>();
            foreach (var obj in Objects(padding).Split("endobj\n", StringSplitOptions.RemoveEmptyEntries))
            {
                offsets.Add(body.Length);
                body.Append(obj).Append("endobj\n");
            }
            var xref = body.Length;
            body.Append(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
            foreach (var offset in offsets)
                body.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
            body.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
            return body.ToString();
        }
    }

    public string Report(TimeSpan elapsed, out bool met)
    {
        var judged = _timings.Where(t => Judged.Contains(t.Step)).Select(t => t.Ms).ToList();
        var p95 = Percentile(judged, 0.95);
        met = _errors.IsEmpty && judged.Count > 0 && p95 <= 1000;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{teachers.Count} teachers started over {window.TotalSeconds:0} s ({teachers.Count / window.TotalSeconds:0.0}/s); "
            + $"{_submitted} submitted, {_errors.Count} errors, all done in {elapsed.TotalSeconds:0} s.");
        text.AppendLine();
        text.AppendLine("| step | requests | failed | p50 | p95 | max |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var step in new[] { Steps.SignIn, Steps.Form, Steps.Upload, Steps.Submit })
        {
            var times = _timings.Where(t => t.Step == step).ToList();
            if (times.Count == 0)
                continue;
            var ms = times.Select(t => t.Ms).ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {step} | {times.Count} | {times.Count(t => !t.Ok)} | {Percentile(ms, 0.5):0} ms | {Percentile(ms, 0.95):0} ms | {ms.Max():0} ms |");
        }
        foreach (var error in _errors.Take(10))
            text.AppendLine(CultureInfo.InvariantCulture, $"\n- error: {error}");
        text.AppendLine();
        // One line for bench/run.sh.
        text.AppendLine(CultureInfo.InvariantCulture,
            $"BURST teachers={teachers.Count} submitted={_submitted} errors={_errors.Count} p50={Percentile(judged, 0.5):0} p95={p95:0} max={(judged.Count > 0 ? judged.Max() : 0):0}");
        return text.ToString();
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private sealed class BurstException(string message) : Exception(message);
}
