using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Web.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Areas.School.Pages.Applications;

/// <summary>
/// A teacher's application as his school coordinator helps with it (seed 001: «при необходимости размещает через свой
/// личный кабинет документы педагогического работника»): he attaches documents to the teacher's draft and the signed
/// final conclusion, where the teacher himself could; the history names him. Submitting and withdrawing stay the
/// teacher's: this page has no such handlers and refuses any other post. Only applications of his own organisation:
/// another id is 404.
/// </summary>
public sealed class DetailsModel(
    AttestationDbContext db,
    ApplicationView view,
    UploadValidator uploads,
    IFileStore files,
    RegionTime region) : PageModel
{
    public ApplicationDetailsView View { get; private set; } = null!;

    public ApplicationFilesCard Files => new(View, fileId => Url.Page("./File", new { id = View.Application.Id, fileId }));

    [BindProperty]
    [Display(Name = "Вид документа")]
    public ApplicationDocumentKind UploadKind { get; set; } = ApplicationDocumentKind.SignedApplication;

    [BindProperty]
    [Display(Name = "Файл (PDF, JPEG или PNG)")]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    [Display(Name = "Скан итогового заключения, подписанного педагогом и двумя специалистами")]
    public IFormFile? SignedConclusion { get; set; }

    /// <summary>The application's version the page was read at (<see cref="Application.ChangedSince"/>).</summary>
    [BindProperty]
    public int? Version { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string MaxSizeText => uploads.MaxSizeText;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();
        await ShowAsync(application, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();
        if (!Enum.IsDefined(UploadKind))
            ModelState.AddModelError(nameof(UploadKind), "Выберите вид документа из списка.");
        var check = await uploads.CheckAsync(Upload, ct);
        if (!check.IsValid)
            ModelState.AddModelError(nameof(Upload), check.Error!);
        if (!ModelState.IsValid || ChangedMeanwhile(application))
            return await RedisplayAsync(application, ct);

        return await ActAsync(application, $"Документ «{UploadKind.ToRussian()}» прикреплён к заявлению педагога.", () =>
        {
            var fileId = files.Stage(check.Upload!, User.UserId(), region.Now);
            application.AttachDocument(UploadKind, fileId, check.Upload!.FileName, Actor, region.Now);
        }, ct);
    }

    public async Task<IActionResult> OnPostSignConclusionAsync(Guid id, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        if (application is null)
            return NotFound();
        var check = await uploads.CheckAsync(SignedConclusion, ct);
        if (!check.IsValid)
            ModelState.AddModelError(nameof(SignedConclusion), check.Error!);
        if (!ModelState.IsValid || ChangedMeanwhile(application))
            return await RedisplayAsync(application, ct);

        return await ActAsync(application, "Подписанное итоговое заключение прикреплено.", () =>
        {
            var fileId = files.Stage(check.Upload!, User.UserId(), region.Now);
            application.SignConclusion(fileId, Actor, region.Now);
        }, ct);
    }

    /// <summary>
    /// Submitting, withdrawing, deleting are the teacher's own acts: a post naming any handler this page does not have
    /// (a forged form, a teacher's form replayed here) is refused before anything is read.
    /// </summary>
    // A filter callback, not a handler: Razor Pages would otherwise also bind it to the made-up HTTP method
    // «PAGE» (?handler=HandlerSelected), where binding its context throws: a 500 for anyone who asks.
    [NonHandler]
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HandlerMethod is null && HttpMethods.IsPost(Request.Method))
            context.HttpContext.Items[RefusedKey] = true;
    }

    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.Items.ContainsKey(RefusedKey))
            context.Result = StatusCode(StatusCodes.Status405MethodNotAllowed);
    }

    private const string RefusedKey = "school-application-refused";

    private Actor Actor => new(User.UserId(), Roles.SchoolCoordinator);

    /// <summary>Changed since the page was read (the teacher or a colleague acted): nothing is done, the page shows what is new.</summary>
    private bool ChangedMeanwhile(Application application)
    {
        if (Version is not { } seen || !application.ChangedSince(seen))
            return false;
        ModelState.AddModelError(string.Empty,
            "Заявление изменилось, пока вы были на этой странице (см. историю ниже). Ничего не сохранено: проверьте заявление и повторите.");
        return true;
    }

    private async Task<IActionResult> ActAsync(Application application, string message, Action action, CancellationToken ct)
    {
        var saved = await db.TrySaveAsync(action, ct);
        if (saved.Refusal is { } refusal)
            this.Refuse(refusal);
        else
            StatusMessage = message;
        return RedirectToPage(new { id = application.Id });
    }

    private async Task<IActionResult> RedisplayAsync(Application application, CancellationToken ct)
    {
        ModelState.Remove(nameof(Version));
        await ShowAsync(application, ct);
        return Page();
    }

    private async Task ShowAsync(Application application, CancellationToken ct)
    {
        View = await view.BuildAsync(application, ct);
        Version = application.LastEventNumber;
    }

    private Task<Application?> FindAsync(Guid id, CancellationToken ct) =>
        db.Applications.InOrganisationOf(db.Users, User)
            .Include(a => a.Documents)
            .Include(a => a.Events)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, ct);
}
