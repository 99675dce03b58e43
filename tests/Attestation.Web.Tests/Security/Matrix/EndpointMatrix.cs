using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Areas.Expert.Pages;
using Side = Attestation.Web.Tests.Security.Matrix.MatrixWorld.Side;

namespace Attestation.Web.Tests.Security.Matrix;

/// <summary>Who may call an endpoint at all (the page's authorization policy).</summary>
public enum Access
{
    /// <summary>Anyone, signed in or not.</summary>
    Anonymous,

    /// <summary>Anyone signed in, whatever the role.</summary>
    SignedIn,

    /// <summary>The staff: school and municipal coordinators, experts, the operator (not teachers).</summary>
    Staff,
    Teacher,
    School,
    Municipality,
    Expert,
    Operator,
}

/// <summary>What narrows the records an endpoint reaches, once the role lets the caller in.</summary>
public enum Scope
{
    /// <summary>Nothing to narrow: public pages, the directory, the operator's whole region, forms that create.</summary>
    None,

    /// <summary>Only the caller's own records, found from the session alone: no id in the request can point elsewhere.</summary>
    Session,

    /// <summary>An id of the caller's municipality (municipal coordinator).</summary>
    Municipality,

    /// <summary>An id of the caller's organisation (school coordinator).</summary>
    Organisation,

    /// <summary>An id of the caller's own record (a teacher's application, a notice in one's bell).</summary>
    Person,

    /// <summary>An application the caller is one of the two experts of.</summary>
    AssignedExpert,

    /// <summary>Anonymous, by an unguessable token in the address (the calendar feed, an invitation, a password reset).</summary>
    Token,
}

/// <summary>
/// A request against a record of one side: the query after the page's path (without the handler), the form fields
/// and files of a post. The ids in it must be names the handler binds (checked against the handler's parameters).
/// </summary>
public sealed record Probe(string Query, IReadOnlyDictionary<string, string>? Form = null, IReadOnlyList<ChosenFile>? Files = null);

/// <summary>
/// One endpoint of the portal: a page's handler for one HTTP method (handler null: the page's default one), or another
/// endpoint's route. <see cref="Replay"/> builds, for a scoped endpoint, the request on the given side's record that the
/// other side's holder of the same role must not get through; <see cref="OwnerControl"/> is what the owner gets for
/// the same request when it is a GET (the proof that the probe reaches a real record), null for «not checked»
/// with <see cref="Note"/> saying why. <see cref="DropsForeignIds"/>: a handler of a list's ticked boxes, which acts on
/// the ids of its own list and drops the others exactly as it drops an id that does not exist (so its answer to another
/// side's ids must be the answer to unknown ids: nothing acknowledged, nothing changed) instead of refusing the batch.
/// </summary>
public sealed record EndpointRule(
    string Method,
    string Path,
    string? Handler,
    Access Access,
    Scope Scope,
    Func<Side, Probe>? Replay = null,
    int? OwnerControl = 200,
    string? Note = null,
    bool DropsForeignIds = false)
{
    public string Key => Describe(Method, Path, Handler);

    public bool IsScoped => Scope is Scope.Municipality or Scope.Organisation or Scope.Person or Scope.AssignedExpert;

    public string Url(Probe probe)
    {
        var query = Handler is null ? probe.Query : Join(probe.Query, $"handler={Handler}");
        return query.Length == 0 ? Path : $"{Path}?{query}";
    }

    public static string Describe(string method, string path, string? handler) =>
        handler is null ? $"{method} {path}" : $"{method} {path}?handler={handler}";

    private static string Join(string a, string b) => a.Length == 0 ? b : $"{a}&{b}";
}

/// <summary>
/// The classification of every endpoint of the portal. <see cref="AuthorizationMatrixTests"/> fails for an endpoint
/// missing here and for an entry here with no endpoint. To classify a new one, add a line: its access (the roles of
/// the page's policy), its scope, and for a scoped one the request on a side's record (the replay), so that the other
/// municipality's, school's, teacher's or expert's replay of it is proved to answer 404 and to change nothing.
/// </summary>
public static class EndpointMatrix
{
    private static readonly Dictionary<string, string> DraftForm = new()
    {
        ["Input.LastName"] = "Подменная",
        ["Input.Awards"] = "Подмена",
    };

    private static ChosenFile Pdf(string field) => new(field, "подмена.pdf", ApplicationBuilder.Pdf, "application/pdf");

    /// <summary>Handlers that take no antiforgery token, each with its reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> WithoutAntiforgery = new Dictionary<string, string>
    {
        ["POST /Error"] = "The error page re-executes a failed request of any method (UseStatusCodePagesWithReExecute, " +
            "UseExceptionHandler): a failed POST is shown through OnPost, which changes nothing and only renders the message.",
        ["POST /TooManyRequests"] = "The 429 page of the account forms' limits, re-executed with the refused form's own method: " +
            "OnPost only renders how long to wait.",
    };

    public static readonly IReadOnlyList<EndpointRule> Rules =
    [
        // Public pages.
        Get("/Index", Access.Anonymous),
        Get("/Accessibility", Access.Anonymous),
        Get("/Help/Index", Access.Anonymous),
        Get("/Schedules/Index", Access.Anonymous, note: "Approved schedules without private data (SPEC §6)."),
        Get("/Schedules/View", Access.Anonymous),
        Get("/Schedules/View", Access.Anonymous, "Download"),
        Get("/Error", Access.Anonymous),
        Post("/Error", Access.Anonymous, note: "Re-executed failed posts; no antiforgery (see WithoutAntiforgery)."),
        new("GET", "/{**path:file}", null, Access.Anonymous, Scope.None,
            Note: "MapStaticAssets' fallback for a file not in the build's manifest: wwwroot's files, the same for everyone."),
        new("GET", "/calendar/{token}.ics", null, Access.Anonymous, Scope.Token,
            Note: "Only the SHA-256 of the 32-byte token is stored; an unknown token is 404 (CalendarFeedTests)."),

        // Accounts.
        Get("/Account/Login", Access.Anonymous),
        Post("/Account/Login", Access.Anonymous),
        Get("/Account/Logout", Access.Anonymous, scope: Scope.Session),
        Post("/Account/Logout", Access.Anonymous, scope: Scope.Session),
        Get("/Account/Register", Access.Anonymous),
        Post("/Account/Register", Access.Anonymous),
        Post("/Account/Register", Access.Anonymous, "Municipality"),
        Get("/Account/ForgotPassword", Access.Anonymous),
        Post("/Account/ForgotPassword", Access.Anonymous),
        Get("/Account/ForgotPasswordConfirmation", Access.Anonymous),
        Get("/Account/ResetPassword", Access.Anonymous, scope: Scope.Token),
        Post("/Account/ResetPassword", Access.Anonymous, scope: Scope.Token),
        Get("/Account/ResetPasswordConfirmation", Access.Anonymous),
        Get("/Account/Invitation", Access.Anonymous, scope: Scope.Token),
        Post("/Account/Invitation", Access.Anonymous, scope: Scope.Token),
        Get("/Account/AccessDenied", Access.Anonymous),
        Get("/Account/Lockout", Access.Anonymous),
        Get("/Account/ChangePassword", Access.SignedIn, scope: Scope.Session),
        Post("/Account/ChangePassword", Access.SignedIn, scope: Scope.Session),
        Get("/Account/Profile", Access.SignedIn, scope: Scope.Session),
        Post("/Account/Profile", Access.SignedIn, scope: Scope.Session),
        Get("/Calibration", Access.SignedIn, scope: Scope.Session),
        Get("/Account/LoginWithCode", Access.Anonymous, scope: Scope.Session,
            note: "The sign-in's second step: whose code it is comes from Identity's two-factor cookie of the password step."),
        Post("/Account/LoginWithCode", Access.Anonymous, scope: Scope.Session),
        Get("/Account/TwoFactor", Access.Staff, scope: Scope.Session),
        Post("/Account/TwoFactor", Access.Staff, "Enable", Scope.Session),
        Post("/Account/TwoFactor", Access.Staff, "Codes", Scope.Session),
        Post("/Account/TwoFactor", Access.Staff, "Disable", Scope.Session),
        Get("/TooManyRequests", Access.Anonymous, note: "Its route is /Error/429, rendered by the status code pages."),
        Post("/TooManyRequests", Access.Anonymous, note: "Re-executed refused posts; no antiforgery (see WithoutAntiforgery)."),

        // The bell and one's settings.
        Get("/Notifications/Index", Access.SignedIn, scope: Scope.Session),
        Post("/Notifications/Index", Access.SignedIn, "Read", Scope.Person, s => new($"id={s.NoticeId}"), ownerControl: null,
            note: "A list's button: the owner's control is the notice itself, which only he can mark (NotificationListTests)."),
        Post("/Notifications/Index", Access.SignedIn, "Open", Scope.Person, s => new($"id={s.NoticeId}"), ownerControl: null),
        Post("/Notifications/Index", Access.SignedIn, "ReadAll", Scope.Session),
        Get("/Notifications/Settings", Access.SignedIn, scope: Scope.Session),
        Post("/Notifications/Settings", Access.SignedIn, scope: Scope.Session),
        Post("/Notifications/Settings", Access.SignedIn, "RenewCalendar", Scope.Session),
        Post("/Notifications/Settings", Access.SignedIn, "RevokeCalendar", Scope.Session),

        // The teacher's cabinet: his own applications.
        Get("/Teacher/Index", Access.Teacher, scope: Scope.Session),
        Get("/Teacher/Applications/Index", Access.Teacher, scope: Scope.Session),
        Get("/Teacher/Applications/Details", Access.Teacher, null, Scope.Person, s => new($"id={s.Submitted.Id}")),
        Post("/Teacher/Applications/Details", Access.Teacher, "SignConclusion", Scope.Person, s => new($"id={s.Uploaded.Id}",
            Files: [Pdf("SignedConclusion")])),
        Post("/Teacher/Applications/Details", Access.Teacher, "CancelWithdrawal", Scope.Person, s => new($"id={s.Withdrawing.Id}")),
        Get("/Teacher/Applications/Edit", Access.Teacher, null, Scope.Person, s => new($"id={s.Draft.Id}"),
            note: "Without an id: the new application's form (the teacher's own)."),
        Post("/Teacher/Applications/Edit", Access.Teacher, null, Scope.Person, s => new($"id={s.Draft.Id}", DraftForm)),
        Post("/Teacher/Applications/Edit", Access.Teacher, "Upload", Scope.Person, s => new($"id={s.Draft.Id}",
            new Dictionary<string, string>(DraftForm) { ["UploadKind"] = nameof(ApplicationDocumentKind.Other) }, [Pdf("Upload")])),
        Post("/Teacher/Applications/Edit", Access.Teacher, "RemoveDocument", Scope.Person,
            s => new($"id={s.Draft.Id}&documentId={s.DraftDocumentId}", DraftForm)),
        Post("/Teacher/Applications/Edit", Access.Teacher, "Submit", Scope.Person, s => new($"id={s.Draft.Id}", DraftForm)),
        Post("/Teacher/Applications/Edit", Access.Teacher, "Delete", Scope.Person, s => new($"id={s.Draft.Id}")),
        Get("/Teacher/Applications/File", Access.Teacher, null, Scope.Person, s => new($"id={s.Draft.Id}&fileId={s.DraftFileId}")),
        Get("/Teacher/Applications/Print", Access.Teacher, null, Scope.Person, s => new($"id={s.Submitted.Id}")),
        Get("/Teacher/Applications/Withdraw", Access.Teacher, null, Scope.Person, s => new($"id={s.Submitted.Id}")),
        Post("/Teacher/Applications/Withdraw", Access.Teacher, null, Scope.Person, s => new($"id={s.Submitted.Id}",
            new Dictionary<string, string> { ["Input.Reason"] = nameof(WithdrawalReason.Health) })),
        Get("/Teacher/Profile/Index", Access.Teacher, scope: Scope.Session),
        Post("/Teacher/Profile/Index", Access.Teacher, scope: Scope.Session),
        Post("/Teacher/Profile/Index", Access.Teacher, "Municipality", Scope.Session),
        Post("/Teacher/Profile/Index", Access.Teacher, "AddCategory", Scope.Session),
        Post("/Teacher/Profile/Index", Access.Teacher, "Genitive", Scope.Session),
        Post("/Teacher/Profile/Index", Access.Teacher, "ResetGenitive", Scope.Session),

        // The school coordinator's cabinet: the applications of his organisation.
        Get("/School/Index", Access.School, scope: Scope.Session),
        Get("/School/Applications/Details", Access.School, null, Scope.Organisation, s => new($"id={s.Submitted.Id}")),
        Post("/School/Applications/Details", Access.School, "Upload", Scope.Organisation, s => new($"id={s.Draft.Id}",
            new Dictionary<string, string> { ["UploadKind"] = nameof(ApplicationDocumentKind.Other) }, [Pdf("Upload")])),
        Post("/School/Applications/Details", Access.School, "SignConclusion", Scope.Organisation,
            s => new($"id={s.Uploaded.Id}", Files: [Pdf("SignedConclusion")])),
        Get("/School/Applications/File", Access.School, null, Scope.Organisation,
            s => new($"id={s.Submitted.Id}&fileId={s.SubmittedFileId}")),
        Get("/School/Checklist/Index", Access.School, scope: Scope.Session),
        Post("/School/Checklist/Index", Access.School, "Tick", Scope.Session),
        Post("/School/Checklist/Index", Access.School, "Untick", Scope.Session),
        Get("/School/Invitations/Index", Access.School, scope: Scope.Session),
        Get("/School/Invitations/Index", Access.School, "Excel", Scope.Session),
        Get("/School/Invitations/Create", Access.School, scope: Scope.Session),
        Post("/School/Invitations/Create", Access.School, scope: Scope.Session),
        Get("/School/Invitations/Import", Access.School, scope: Scope.Session),
        Get("/School/Invitations/Import", Access.School, "Template"),
        Post("/School/Invitations/Import", Access.School, "Preview", Scope.Session),
        Post("/School/Invitations/Import", Access.School, "Save", Scope.Session,
            note: "The preview's file is found by its id among the coordinator's own uploads."),
        Post("/School/Invitations/Import", Access.School, "Cancel", Scope.Session),
        Get("/School/Plan/Index", Access.School, scope: Scope.Session),
        Get("/School/Plan/Index", Access.School, "Excel", Scope.Session),
        Get("/School/Teachers/Index", Access.School, scope: Scope.Session),
        Get("/School/Teachers/Index", Access.School, "Excel", Scope.Session),

        // The municipal coordinator's cabinet: everything of his municipality.
        Get("/Municipality/Index", Access.Municipality, scope: Scope.Session),
        Get("/Municipality/Applications/Details", Access.Municipality, null, Scope.Municipality, s => new($"id={s.Submitted.Id}")),
        Post("/Municipality/Applications/Details", Access.Municipality, "Register", Scope.Municipality,
            s => new($"id={s.Submitted.Id}&confirmed=true")),
        Post("/Municipality/Applications/Details", Access.Municipality, "Reject", Scope.Municipality,
            s => new($"id={s.Submitted.Id}", new Dictionary<string, string> { ["Reject.Reason"] = "Чужое заявление" })),
        Get("/Municipality/Applications/File", Access.Municipality, null, Scope.Municipality,
            s => new($"id={s.Submitted.Id}&fileId={s.SubmittedFileId}")),
        Get("/Municipality/Attestation/Index", Access.Municipality, scope: Scope.Session),
        Get("/Municipality/Attestation/Index", Access.Municipality, "File", Scope.Municipality,
            s => new($"id={s.WithSignedConclusion.Id}&fileId={s.ConclusionFileId}")),
        Get("/Municipality/Attestation/Verify", Access.Municipality, null, Scope.Municipality, s => new($"id={s.WithSignedConclusion.Id}")),
        Post("/Municipality/Attestation/Verify", Access.Municipality, null, Scope.Municipality, s => new($"id={s.WithSignedConclusion.Id}",
            new Dictionary<string, string>
            {
                ["Input.Mark"] = nameof(Domain.Applications.Conformity.Corresponds),
                ["Input.Version"] = s.WithSignedConclusion.LastEventNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.GroundsConfirmed"] = "true", ["Input.AllPages"] = "true", ["Input.TeacherSigned"] = "true",
                ["Input.ExpertsSigned"] = "true", ["Input.RecommendationFilled"] = "true",
            })),
        Get("/Municipality/Invitations/Index", Access.Municipality, scope: Scope.Session),
        Get("/Municipality/Invitations/Index", Access.Municipality, "Excel", Scope.Session),
        Get("/Municipality/Invitations/Create", Access.Municipality, scope: Scope.Session),
        Post("/Municipality/Invitations/Create", Access.Municipality, scope: Scope.Session),
        Get("/Municipality/Journals/Index", Access.Municipality, scope: Scope.Session),
        Get("/Municipality/Journals/Index", Access.Municipality, "Registration", Scope.Session),
        Get("/Municipality/Journals/Index", Access.Municipality, "Withdrawals", Scope.Session),
        Get("/Municipality/Monitoring/Index", Access.Municipality, null, Scope.Municipality,
            s => new($"municipalityId={s.Place.Municipality.Id}"), note: "Without the id: the own municipality."),
        Get("/Municipality/Monitoring/Index", Access.Municipality, "Excel", Scope.Municipality,
            s => new($"municipalityId={s.Place.Municipality.Id}&table=months")),
        Get("/Municipality/NotApplied/Index", Access.Municipality, scope: Scope.Session),
        Get("/Municipality/NotApplied/Index", Access.Municipality, "Excel", Scope.Session),
        Post("/Municipality/NotApplied/Index", Access.Municipality, "Send", Scope.Municipality, s => new($"id={s.IdleTeacher.Id}")),
        Post("/Municipality/NotApplied/Index", Access.Municipality, "Confirm", Scope.Municipality,
            s => new("", new Dictionary<string, string> { ["ids"] = s.IdleTeacher.Id.ToString() }), dropsForeignIds: true),
        Post("/Municipality/NotApplied/Index", Access.Municipality, "SendChosen", Scope.Municipality,
            s => new("", new Dictionary<string, string> { ["ids"] = s.IdleTeacher.Id.ToString() }), dropsForeignIds: true),
        Post("/Municipality/NotApplied/Index", Access.Municipality, "SendAll", Scope.Session),
        Get("/Municipality/Profile/Index", Access.Municipality, scope: Scope.Session),
        Post("/Municipality/Profile/Index", Access.Municipality, scope: Scope.Session),
        Get("/Municipality/Registration/Index", Access.Municipality, scope: Scope.Session),
        Post("/Municipality/Registration/Index", Access.Municipality, "Confirm", Scope.Municipality,
            s => new("", new Dictionary<string, string> { ["ids"] = s.Submitted.Id.ToString() }), dropsForeignIds: true),
        Post("/Municipality/Registration/Index", Access.Municipality, "RegisterChosen", Scope.Municipality,
            s => new("", new Dictionary<string, string> { ["ids"] = s.Submitted.Id.ToString() }), dropsForeignIds: true),
        Get("/Municipality/Schedule/Assign", Access.Municipality, null, Scope.Municipality, s => new($"id={s.Registered.Id}")),
        Post("/Municipality/Schedule/Assign", Access.Municipality, "ShowExperts", Scope.None,
            note: "Reads nothing: redirects to the GET with the chosen period and experts in the address, and the GET is scoped."),
        Post("/Municipality/Schedule/Assign", Access.Municipality, null, Scope.Municipality, s => new($"id={s.Registered.Id}",
            new Dictionary<string, string>
            {
                ["Input.PeriodId"] = s.Scheduled.PeriodId!.Value.ToString(),
                ["Input.ExpertAId"] = s.Expert.Id.ToString(),
                ["Input.ExpertBId"] = s.SecondExpert.Id.ToString(),
                ["Input.Version"] = s.Registered.LastEventNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })),
        Get("/Municipality/Schedule/Fill", Access.Municipality, scope: Scope.Session),
        Get("/Municipality/Schedule/View", Access.Municipality, scope: Scope.Session),
        Get("/Municipality/Schedule/View", Access.Municipality, "Download", Scope.Session,
            note: "Any period's id: the schedule is always the own municipality's part of it."),
        Get("/Municipality/Users/Index", Access.Municipality, scope: Scope.Session),
        Get("/Municipality/Users/Index", Access.Municipality, "Excel", Scope.Session),
        Post("/Municipality/Users/Index", Access.Municipality, "Block", Scope.Municipality, s => new($"id={s.Expert.Id}")),
        Post("/Municipality/Users/Index", Access.Municipality, "Unblock", Scope.Municipality, s => new($"id={s.Expert.Id}")),
        Post("/Municipality/Users/Index", Access.Municipality, "Reset", Scope.Municipality, s => new($"id={s.Expert.Id}")),
        Get("/Municipality/Users/Account", Access.Municipality, null, Scope.Municipality, s => new($"id={s.Expert.Id}")),
        Post("/Municipality/Users/Account", Access.Municipality, "Move", Scope.Municipality, s => new($"id={s.Expert.Id}",
            new Dictionary<string, string>
            {
                ["Input.OrganisationId"] = s.Place.School.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Reason"] = "Перевод",
            })),
        Get("/Municipality/Withdraw/Index", Access.Municipality, scope: Scope.Session),
        Get("/Municipality/Withdraw/Prepare", Access.Municipality, null, Scope.Municipality, s => new($"id={s.Registered.Id}")),
        Post("/Municipality/Withdraw/Prepare", Access.Municipality, "Form", Scope.Municipality, s => new($"id={s.Registered.Id}",
            new Dictionary<string, string> { ["Input.Reason"] = nameof(WithdrawalReason.Health) })),
        Get("/Municipality/Withdraw/Prepare", Access.Municipality, "Document", Scope.Municipality,
            s => new($"id={s.Registered.Id}&draft={Uri.EscapeDataString(s.WithdrawalDraft)}")),
        Post("/Municipality/Withdraw/Prepare", Access.Municipality, "Attach", Scope.Municipality, s => new($"id={s.Registered.Id}",
            new Dictionary<string, string> { ["Draft"] = s.WithdrawalDraft }, [Pdf("Scan")])),
        Get("/Municipality/Withdraw/Prepare", Access.Municipality, "Scan", Scope.Municipality,
            s => new($"id={s.Registered.Id}&draft={Uri.EscapeDataString(s.WithdrawalDraftWithScan)}")),
        Post("/Municipality/Withdraw/Prepare", Access.Municipality, "Submit", Scope.Municipality, s => new($"id={s.Registered.Id}",
            new Dictionary<string, string> { ["Draft"] = s.WithdrawalDraftWithScan })),
        Get("/Municipality/Withdrawals/Index", Access.Municipality, scope: Scope.Session),
        Post("/Municipality/Withdrawals/Index", Access.Municipality, "Register", Scope.Municipality, s => new($"id={s.Withdrawing.Id}")),
        Get("/Municipality/Work/Index", Access.Municipality, scope: Scope.Session),

        // The expert's cabinet: the attestees assigned to him.
        Get("/Expert/Index", Access.Expert, scope: Scope.Session),
        Get("/Expert/Index", Access.Expert, "Download", Scope.Session,
            note: "Any period's id: the schedule is always the expert's own part of it."),
        Get("/Expert/Attestee", Access.Expert, null, Scope.AssignedExpert, s => new($"id={s.Scheduled.Id}")),
        Get("/Expert/Attestee", Access.Expert, "Contacts", Scope.AssignedExpert, s => new($"id={s.Scheduled.Id}")),
        Get("/Expert/Attestee", Access.Expert, "File", Scope.AssignedExpert, s => new($"id={s.Scheduled.Id}&fileId={s.ScheduledFileId}")),
        Post("/Expert/Attestee", Access.Expert, "Tick", Scope.AssignedExpert,
            s => new($"id={s.Scheduled.Id}&step={ExpertProcedure.StudySchedule}")),
        Post("/Expert/Attestee", Access.Expert, "Untick", Scope.AssignedExpert,
            s => new($"id={s.Scheduled.Id}&step={ExpertProcedure.StudySchedule}")),
        Get("/Expert/Conclusion", Access.Expert, null, Scope.AssignedExpert, s => new($"id={s.Scheduled.Id}")),
        Get("/Expert/Conclusion", Access.Expert, "Template", Scope.AssignedExpert, s => new($"id={s.Scheduled.Id}")),
        Post("/Expert/Conclusion", Access.Expert, null, Scope.AssignedExpert, s => new($"id={s.Scheduled.Id}",
            new Dictionary<string, string>
            {
                ["Input.Recommendation"] = nameof(Domain.Applications.Conformity.Corresponds),
                ["SignedByAll"] = "true",
                ["ConfirmBeforePeriod"] = "true",
            }, [Pdf("Input.Scan")])),

        // The operator: the whole region, nothing to narrow.
        .. Operator("/Operator/Index", "GET"),
        .. Operator("/Operator/Applications/Index", "GET", "GET Excel"),
        .. Operator("/Operator/Applications/Details", "GET"),
        .. Operator("/Operator/Applications/File", "GET"),
        .. Operator("/Operator/Audit/Index", "GET"),
        .. Operator("/Operator/Commission/Index", "GET", "POST"),
        .. Operator("/Operator/Commission/Meeting", "GET", "GET List", "POST Add", "POST Remove", "POST Decide",
            "POST DecideRecommended", "POST Order"),
        .. Operator("/Operator/Conclusions/Index", "GET", "GET Excel"),
        .. Operator("/Operator/Conclusions/Upload", "GET", "POST"),
        .. Operator("/Operator/Control/Index", "GET", "GET Excel"),
        .. Operator("/Operator/Directories/Index", "GET"),
        .. Operator("/Operator/Directories/Experts/Index", "GET", "POST Remove"),
        .. Operator("/Operator/Directories/Import/Experts", "GET", "GET Template", "POST Preview", "POST Save", "POST Cancel"),
        .. Operator("/Operator/Directories/Import/Organisations", "GET", "GET Template", "POST Preview", "POST Save", "POST Cancel"),
        .. Operator("/Operator/Directories/Municipalities/Index", "GET"),
        .. Operator("/Operator/Directories/Municipalities/Edit", "GET", "POST", "POST Deactivate", "POST Activate"),
        .. Operator("/Operator/Directories/Organisations/Index", "GET"),
        .. Operator("/Operator/Directories/Organisations/Edit", "GET", "POST", "POST Delete", "POST Deactivate", "POST Activate"),
        .. Operator("/Operator/Directories/Positions/Index", "GET", "POST"),
        .. Operator("/Operator/Directories/Positions/Edit", "GET", "POST", "POST Delete", "POST Deactivate", "POST Activate"),
        .. Operator("/Operator/Directories/Subjects/Index", "GET", "POST"),
        .. Operator("/Operator/Directories/Subjects/Edit", "GET", "POST", "POST Delete", "POST Deactivate", "POST Activate"),
        .. Operator("/Operator/Invitations/Index", "GET", "GET Excel"),
        .. Operator("/Operator/Invitations/Create", "GET", "POST"),
        .. Operator("/Operator/Journals/Index", "GET", "GET Registration", "GET Withdrawals"),
        .. Operator("/Operator/Mail/Index", "GET", "POST Retry"),
        .. Operator("/Operator/Monitoring/Index", "GET", "GET Excel"),
        .. Operator("/Operator/Periods/Index", "GET", "POST Generate", "POST Add"),
        .. Operator("/Operator/Periods/Details", "GET", "POST Close", "POST Reopen", "POST Remove"),
        .. Operator("/Operator/Print/Index", "GET", "GET Download"),
        .. Operator("/Operator/Schedule/Index", "GET", "GET Download", "POST Approve"),
        .. Operator("/Operator/Schedule/Replace", "GET", "POST"),
        .. Operator("/Operator/Users/Index", "GET", "GET Excel", "POST Block", "POST Unblock", "POST Reset"),
        .. Operator("/Operator/Users/Account", "GET", "POST Move"),
    ];

    private static EndpointRule Get(string path, Access access, string? handler = null, Scope scope = Scope.None,
        Func<Side, Probe>? replay = null, int? ownerControl = 200, string? note = null) =>
        new("GET", path, handler, access, scope, replay, ownerControl, note);

    private static EndpointRule Post(string path, Access access, string? handler = null, Scope scope = Scope.None,
        Func<Side, Probe>? replay = null, int? ownerControl = 200, string? note = null, bool dropsForeignIds = false) =>
        new("POST", path, handler, access, scope, replay, ownerControl, note, dropsForeignIds);

    /// <summary>An operator's page: «METHOD» or «METHOD Handler» for each of its handlers.</summary>
    private static IEnumerable<EndpointRule> Operator(string path, params string[] handlers) =>
        handlers.Select(h => h.Split(' ')).Select(parts =>
            new EndpointRule(parts[0], path, parts.Length > 1 ? parts[1] : null, Access.Operator, Scope.None));
}
