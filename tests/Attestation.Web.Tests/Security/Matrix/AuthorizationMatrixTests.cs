using System.Collections.Concurrent;
using System.Net;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using Side = Attestation.Web.Tests.Security.Matrix.MatrixWorld.Side;

namespace Attestation.Web.Tests.Security.Matrix;

/// <summary>
/// The authorization matrix (issue 14, item 10): every endpoint of the portal is classified in
/// <see cref="EndpointMatrix"/>; each page admits exactly the roles of its classification; every scoped GET and POST
/// replayed with the other municipality's, school's, teacher's or expert's identity on a record of this side answers
/// 404 and changes nothing; every POST without the antiforgery token is refused and changes nothing.
/// </summary>
public sealed partial class AuthorizationMatrixTests(MatrixWorld world) : IClassFixture<MatrixWorld>
{
    private const int Parallelism = 4;

    private static readonly Dictionary<string, EndpointRule> RulesByKey =
        EndpointMatrix.Rules.ToDictionary(rule => rule.Key, StringComparer.Ordinal);

    [Fact]
    public async Task Every_endpoint_is_classified_and_every_classification_has_its_endpoint()
    {
        var found = await PortalEndpoints.ReadAsync(world.Services);

        var unclassified = found.Where(e => !RulesByKey.ContainsKey(e.Key)).Select(Describe).ToList();
        var stale = RulesByKey.Keys.Except(found.Select(e => e.Key), StringComparer.Ordinal).ToList();

        Assert.True(unclassified.Count == 0,
            "Endpoints with no classification in Security/Matrix/EndpointMatrix.cs. For each, add a rule: who may call it " +
            "(Access: the roles of the page's policy), what narrows it (Scope) and, for a scoped one, the replay on a " +
            "side's record that the other side must get 404 for:\n" + string.Join("\n", unclassified));
        Assert.True(stale.Count == 0, "Rules in EndpointMatrix.cs with no such endpoint (removed or renamed?):\n" + string.Join("\n", stale));
        // Not a matrix that passes because it is empty: the portal's pages are all there.
        Assert.True(found.Count > 150, $"Only {found.Count} endpoints found.");
    }

    [Fact]
    public void The_classification_is_complete_where_it_is_scoped()
    {
        var problems = new List<string>();
        foreach (var page in EndpointMatrix.Rules.GroupBy(r => r.Path).Where(g => g.Select(r => r.Access).Distinct().Count() > 1))
            problems.Add($"{page.Key}: one page, one policy — its handlers are classified with different access.");
        foreach (var rule in EndpointMatrix.Rules.Where(r => r.Method is not ("GET" or "POST")))
            problems.Add($"{rule.Key}: a handler of a method the portal's forms and links never use.");
        foreach (var rule in EndpointMatrix.Rules.Where(r => r.IsScoped && r.Replay is null))
            problems.Add($"{rule.Key}: scoped by {rule.Scope} but has no replay.");
        foreach (var rule in EndpointMatrix.Rules.Where(r => r.IsScoped && r.Access is Access.Anonymous or Access.Operator))
            problems.Add($"{rule.Key}: {rule.Access} has no other side to replay with.");
        foreach (var rule in EndpointMatrix.Rules.Where(r => r.Replay is not null && r.Method == "GET" && r.OwnerControl is null && r.Note is null))
            problems.Add($"{rule.Key}: a GET replay without the owner's control needs a note why.");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Each_pages_policy_admits_exactly_the_roles_of_its_classification()
    {
        var found = await PortalEndpoints.ReadAsync(world.Services);
        var problems = new List<string>();
        foreach (var endpoint in found.Where(e => RulesByKey.ContainsKey(e.Key)))
        {
            var rule = RulesByKey[endpoint.Key];
            var admitted = await PortalEndpoints.AdmittedRolesAsync(world.Services, endpoint.Endpoint);
            var expected = RolesOf(rule.Access);
            var same = (admitted, expected) switch
            {
                (null, null) => true,
                ({ } a, { } e) => a.SetEquals(e),
                _ => false,
            };
            if (!same)
                problems.Add($"{endpoint.Key}: classified {rule.Access}, the policy admits {Show(admitted)}.");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Each_role_opens_the_pages_of_its_classification_and_is_refused_the_others()
    {
        var identities = new List<(string Name, Access? Role, HttpClient Client)>
        {
            ("anonymous", null, world.CreatePortalClient()),
            ("operator", Access.Operator, world.ClientOf(world.Operator)),
            ("teacher", Access.Teacher, world.ClientOf(world.A.Teacher)),
            ("school coordinator", Access.School, world.ClientOf(world.A.SchoolCoordinator)),
            ("municipal coordinator", Access.Municipality, world.ClientOf(world.A.Coordinator)),
            ("expert", Access.Expert, world.ClientOf(world.A.Expert)),
        };
        var pages = EndpointMatrix.Rules.Where(r => r.Method == "GET" && r.Handler is null && !r.Path.Contains('{', StringComparison.Ordinal))
            .ToList();
        var problems = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(pages.SelectMany(page => identities.Select(identity => (page, identity))),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (item, ct) =>
            {
                var (page, (name, role, client)) = item;
                using var response = await client.GetAsync(SweepUrl(page.Path), ct);
                var status = (int)response.StatusCode;
                var location = response.RedirectPath() ?? "";
                var admitted = page.Access switch
                {
                    Access.Anonymous => true,
                    Access.SignedIn => role is not null,
                    Access.Staff => role is Access.School or Access.Municipality or Access.Expert or Access.Operator,
                    _ => role == page.Access,
                };
                string? wrong;
                if (admitted)
                {
                    // A page that needs an id answers its own holder without one with 404 (or a form's 400), never a refusal.
                    var expected = SweepAnswers.GetValueOrDefault(page.Path, page.Replay is null ? [200] : [404, 400]);
                    wrong = expected.Contains(status) ? null : $"expected {string.Join(" or ", expected)}";
                }
                else if (role is null)
                {
                    wrong = status == 302 && location.StartsWith("/Account/Login?", StringComparison.Ordinal)
                        ? null
                        : "expected the redirect to /Account/Login";
                }
                else
                {
                    wrong = status == 403 ? null : "expected 403 (the access-denied page)";
                }
                if (wrong is not null)
                    problems.Add($"GET {SweepUrl(page.Path)} as {name}: {status} {location} — {wrong}.");
            });

        Assert.True(problems.IsEmpty, string.Join("\n", problems.Order(StringComparer.Ordinal)));
        Assert.True(pages.Count > 80, $"Only {pages.Count} pages swept.");
    }

    [Fact]
    public async Task The_probes_carry_only_names_their_handlers_bind()
    {
        var found = (await PortalEndpoints.ReadAsync(world.Services)).ToDictionary(e => e.Key, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var rule in EndpointMatrix.Rules.Where(r => r.Replay is not null && found.ContainsKey(r.Key)))
        {
            var bound = found[rule.Key].BoundNames;
            var probe = rule.Replay!(world.A);
            var names = QueryHelpers.ParseQuery(probe.Query).Keys
                .Concat(probe.Form?.Keys ?? [])
                .Concat(probe.Files?.Select(f => f.Field) ?? [])
                .Select(name => name.Split('.')[0]);
            foreach (var name in names.Where(n => !bound.Contains(n)))
                problems.Add($"{rule.Key}: «{name}» is bound by neither the handler's parameters nor the page's properties ({string.Join(", ", bound)}).");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Every_scoped_GET_replayed_by_the_other_side_is_not_found_and_opens_for_the_owner()
    {
        var replays = Replays("GET");
        var problems = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(replays, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (replay, ct) =>
        {
            var (rule, victim, attacker) = replay;
            var url = rule.Url(rule.Replay!(victim));
            using (var response = await world.ClientOf(attacker).GetAsync(url, ct))
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                if (response.StatusCode != HttpStatusCode.NotFound)
                    problems.Add($"{rule.Key}: {attacker.UserName} on {victim.Key}'s record got {(int)response.StatusCode} {response.RedirectPath()}, not 404 ({url}).");
                else if (body.Contains(victim.Teacher.LastName, StringComparison.Ordinal))
                    problems.Add($"{rule.Key}: the 404 to {attacker.UserName} names {victim.Key}'s teacher.");
            }

            if (rule.OwnerControl is { } expected)
            {
                using var own = await world.ClientOf(victim.Holder(rule.Access)).GetAsync(url, ct);
                if ((int)own.StatusCode != expected)
                    problems.Add($"{rule.Key}: the owner's own request got {(int)own.StatusCode} {own.RedirectPath()}, not {expected}: " +
                        $"the probe does not reach a real record ({url}).");
            }
        });

        Assert.True(problems.IsEmpty, string.Join("\n", problems.Order(StringComparer.Ordinal)));
        Assert.True(replays.Count >= 40, $"Only {replays.Count} GET replays.");
    }

    [Fact]
    public async Task Every_scoped_POST_replayed_by_the_other_side_with_its_own_token_is_not_found_and_changes_nothing()
    {
        var replays = Replays("POST");
        var before = await world.FingerprintAsync();
        var problems = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(replays, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (replay, ct) =>
        {
            var (rule, victim, attacker) = replay;
            var probe = rule.Replay!(victim);
            var url = rule.Url(probe);
            var token = await world.TokenOfAsync(attacker);
            using var content = Content(probe, token);
            using var response = await world.ClientOf(attacker).PostAsync(url, content, ct);
            var answer = $"{(int)response.StatusCode} {response.RedirectPath()}";
            var body = await response.Content.ReadAsStringAsync(ct);
            if (rule.DropsForeignIds)
            {
                // The other side's ids are dropped as unknown ones are: the same answer as for ids that do not exist.
                var unknown = Unknown(probe);
                using var unknownContent = Content(unknown, token);
                using var control = await world.ClientOf(attacker).PostAsync(rule.Url(unknown), unknownContent, ct);
                var expected = $"{(int)control.StatusCode} {control.RedirectPath()}";
                if (answer != expected)
                    problems.Add($"{rule.Key}: {attacker.UserName} on {victim.Key}'s ids got {answer}, on unknown ids {expected}.");
            }
            else if (response.StatusCode != HttpStatusCode.NotFound)
            {
                problems.Add($"{rule.Key}: {attacker.UserName} on {victim.Key}'s record got {answer}, not 404 ({url}).");
            }
            foreach (var name in new[] { victim.Teacher.LastName, victim.IdleTeacher.LastName }.Where(n => body.Contains(n, StringComparison.Ordinal)))
                problems.Add($"{rule.Key}: the answer to {attacker.UserName} names {victim.Key}'s «{name}».");
        });

        var changed = Changed(before, await world.FingerprintAsync());
        Assert.True(problems.IsEmpty && changed.Count == 0,
            string.Join("\n", problems.Order(StringComparer.Ordinal).Append($"Tables changed: {string.Join(", ", changed)}")));
        Assert.True(replays.Count >= 40, $"Only {replays.Count} POST replays.");
    }

    [Fact]
    public async Task Every_POST_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var anonymous = world.CreatePortalClient();
        // The antiforgery cookie is there, as in a browser that once opened a form: only the form's token is missing.
        (await anonymous.GetAsync("/Account/Login")).Dispose();
        var posts = EndpointMatrix.Rules.Where(r => r.Method == "POST" && !EndpointMatrix.WithoutAntiforgery.ContainsKey(r.Key)).ToList();
        var before = await world.FingerprintAsync();
        var problems = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(posts, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (rule, ct) =>
        {
            var client = rule.Access switch
            {
                Access.Anonymous when rule.Scope == Scope.Session => world.ClientOf(world.A.Teacher),
                Access.Anonymous => anonymous,
                Access.Operator => world.ClientOf(world.Operator),
                _ => world.ClientOf(world.A.Holder(rule.Access)),
            };
            // On the side's own record where the rule has one: without the check, the post would change it.
            var probe = rule.Replay?.Invoke(world.A) ?? new Probe("");
            var url = rule.Url(probe);
            using var content = Content(probe, token: null);
            using var response = await client.PostAsync(url, content, ct);
            if (response.StatusCode != HttpStatusCode.BadRequest)
                problems.Add($"{rule.Key}: a post without the token got {(int)response.StatusCode} {response.RedirectPath()}, not 400 ({url}).");
        });

        var changed = Changed(before, await world.FingerprintAsync());
        Assert.True(problems.IsEmpty && changed.Count == 0,
            string.Join("\n", problems.Order(StringComparer.Ordinal).Append($"Tables changed: {string.Join(", ", changed)}")));
        Assert.True(posts.Count > 100, $"Only {posts.Count} posts.");
    }

    /// <summary>
    /// Razor Pages runs a request of a method no handler has through the page without a handler: the view rendered a
    /// model nobody loaded (500), and the filter callbacks of a page model were themselves handlers of the made-up
    /// method «PAGE». Pages answer GET, HEAD and POST only now, and a handler name a page does not have is 404; the error
    /// page, which re-executes failed requests of any method, renders without failing.
    /// </summary>
    [Fact]
    public async Task A_method_or_handler_no_form_uses_is_refused_on_every_page_and_fails_nothing()
    {
        var school = world.A.SchoolCoordinator;
        var token = await world.TokenOfAsync(school);
        var pages = EndpointMatrix.Rules.Where(r => r.Method == "GET" && r.Handler is null && !r.Path.Contains('{', StringComparison.Ordinal))
            .Select(r => r.Path).Where(p => p is not ("/Error" or "/TooManyRequests")).Distinct().ToList();
        var requests = pages.Select(p => ("PATCH", SweepUrl(p)))
            .Append(("PAGE", $"/School/Applications/Details?id={world.A.Submitted.Id}&handler=HandlerSelected"))
            .Append(("PAGE", $"/School/Applications/Details?id={world.A.Submitted.Id}&handler=HandlerExecuting"))
            .Append(("PUT", $"/Teacher/Applications/Details?id={world.A.Submitted.Id}"));
        var problems = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (item, ct) =>
        {
            var (method, url) = item;
            using var request = new HttpRequestMessage(new HttpMethod(method), url)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
            };
            using var response = await world.ClientOf(school).SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.MethodNotAllowed)
                problems.Add($"{method} {url}: {(int)response.StatusCode}, not 405.");
        });
        // A handler name the page does not have: a GET falls back to the page's GET, a POST to its unnamed POST; a page
        // with neither rendered without a handler (wapiti's injections into «handler» got 500s) and is 404 now.
        var anonymous = world.CreatePortalClient();
        var anonymousToken = (await anonymous.GetDocumentAsync("/Account/Login"))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var withoutUnnamedPost = EndpointMatrix.Rules.Where(r => pages.Contains(r.Path)).GroupBy(r => r.Path)
            .Where(g => !g.Any(r => r.Method == "POST" && r.Handler is null))
            .Select(g => (Path: g.Key, g.First().Access));
        await Parallel.ForEachAsync(withoutUnnamedPost, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (page, ct) =>
        {
            var (client, pageToken) = page.Access switch
            {
                Access.Anonymous => (anonymous, anonymousToken),
                Access.Operator => (world.ClientOf(world.Operator), await world.TokenOfAsync(world.Operator)),
                _ => (world.ClientOf(world.A.Holder(page.Access)), await world.TokenOfAsync(world.A.Holder(page.Access))),
            };
            var url = $"{SweepUrl(page.Path)}?handler=Nothing";
            using (var get = await client.GetAsync(url, ct))
            {
                if ((int)get.StatusCode >= 500)
                    problems.Add($"GET {url}: {(int)get.StatusCode}.");
            }
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = pageToken });
            using var post = await client.PostAsync(url, content, ct);
            // 405: the school's application page refuses an unknown post itself, before this filter.
            if (post.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed))
                problems.Add($"POST {url}: {(int)post.StatusCode}, not 404.");
        });
        using (var error = new HttpRequestMessage(new HttpMethod("PAGE"), "/Error?handler=HandlerSelected"))
        using (var response = await world.CreatePortalClient().SendAsync(error))
        {
            if ((int)response.StatusCode >= 500)
                problems.Add($"PAGE /Error?handler=HandlerSelected: {(int)response.StatusCode}.");
        }

        Assert.True(problems.IsEmpty, string.Join("\n", problems.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Only_the_listed_handlers_take_no_antiforgery_token()
    {
        var found = await PortalEndpoints.ReadAsync(world.Services);

        var ignoring = found.Where(e => e.Method is not ("GET" or "HEAD") && e.IgnoresAntiforgery).Select(e => e.Key).Order(StringComparer.Ordinal);

        Assert.Equal(EndpointMatrix.WithoutAntiforgery.Keys.Order(StringComparer.Ordinal), ignoring);
    }

    /// <summary>What a page admitting the caller answers without a query, where it is not 200 (or 404 for a scoped page's missing id).</summary>
    private static readonly Dictionary<string, int[]> SweepAnswers = new(StringComparer.Ordinal)
    {
        ["/Account/Logout"] = [302], // to the home page; only the POST signs out
        ["/Account/AccessDenied"] = [403], // the page of a refusal says so in its status too
        ["/Account/Invitation"] = [404], // no invitation token
        ["/Account/LoginWithCode"] = [302], // no password step before it: back to the sign-in
        ["/Account/ResetPassword"] = [400], // no reset code
        ["/Error"] = [500], // the exception handler's page, visited directly: an unknown failure
        ["/TooManyRequests"] = [429], // the limits' page, visited directly (at /Error/429)
        ["/Schedules/View"] = [302], // no period chosen: back to the list of approved schedules
        ["/Teacher/Applications/Edit"] = [200], // no id: the new application's form
        ["/Municipality/Monitoring/Index"] = [200], // no id: the own municipality
        // The operator's pages of one record, without its id.
        ["/Operator/Applications/Details"] = [404],
        ["/Operator/Applications/File"] = [404],
        ["/Operator/Commission/Meeting"] = [404],
        ["/Operator/Conclusions/Upload"] = [404],
        ["/Operator/Directories/Positions/Edit"] = [404],
        ["/Operator/Directories/Subjects/Edit"] = [404],
        ["/Operator/Periods/Details"] = [404],
        ["/Operator/Schedule/Replace"] = [404],
        ["/Operator/Users/Account"] = [404],
    };

    /// <summary>A page's address: «/X/Index» answers as «/X» (the help's only route is «/Help/{part?}»).</summary>
    private static string SweepUrl(string path) => path switch
    {
        "/Index" => "/",
        "/TooManyRequests" => "/Error/429",
        _ when path.EndsWith("/Index", StringComparison.Ordinal) => path[..^"/Index".Length],
        _ => path,
    };

    /// <summary>Every scoped rule of <paramref name="method"/>, both ways: A's record with B's holder of the role, and B's with A's.</summary>
    private List<(EndpointRule Rule, Side Victim, Attestation.Web.Data.AppUser Attacker)> Replays(string method) =>
    [
        .. from rule in EndpointMatrix.Rules
           where rule.Method == method && rule.IsScoped
           from victim in new[] { world.A, world.B }
           select (rule, victim, world.Other(victim).Holder(rule.Access)),
    ];

    private static HttpContent Content(Probe probe, string? token)
    {
        var fields = new Dictionary<string, string>(probe.Form ?? new Dictionary<string, string>());
        if (token is not null)
            fields["__RequestVerificationToken"] = token;
        if (probe.Files is not { Count: > 0 } files)
            return new FormUrlEncodedContent(fields);
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            multipart.Add(new StringContent(value), name);
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
            multipart.Add(part, file.Field, file.FileName);
        }
        return multipart;
    }

    /// <summary>The same probe with every id in it replaced by one that exists nowhere.</summary>
    private static Probe Unknown(Probe probe)
    {
        static string Replace(string text) => GuidPattern().Replace(text, _ => Guid.NewGuid().ToString());
        return probe with
        {
            Query = Replace(probe.Query),
            Form = probe.Form?.ToDictionary(field => field.Key, field => Replace(field.Value)),
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial System.Text.RegularExpressions.Regex GuidPattern();

    private static List<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).Order(StringComparer.Ordinal)];

    private static HashSet<string>? RolesOf(Access access) => access switch
    {
        Access.Anonymous => null,
        Access.SignedIn => new HashSet<string>(),
        Access.Staff => new HashSet<string> { Roles.SchoolCoordinator, Roles.MunicipalCoordinator, Roles.Expert, Roles.Operator },
        Access.Teacher => new HashSet<string> { Roles.Teacher },
        Access.School => new HashSet<string> { Roles.SchoolCoordinator },
        Access.Municipality => new HashSet<string> { Roles.MunicipalCoordinator },
        Access.Expert => new HashSet<string> { Roles.Expert },
        Access.Operator => new HashSet<string> { Roles.Operator },
        _ => throw new ArgumentOutOfRangeException(nameof(access)),
    };

    private static string Show(IReadOnlySet<string>? roles) =>
        roles is null ? "anyone" : roles.Count == 0 ? "anyone signed in" : string.Join(", ", roles);

    private static string Describe(FoundEndpoint endpoint) =>
        $"{endpoint.Key}   ({endpoint.Endpoint.DisplayName}; metadata: " +
        string.Join(", ", endpoint.Endpoint.Metadata.Select(m => m.GetType().Name).Distinct().Take(12)) + ")";
}
