using System.ComponentModel.DataAnnotations;
using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications;
using Attestation.Web.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using DomainConclusion = Attestation.Domain.Applications.Conclusion;

namespace Attestation.Web.Applications;

/// <summary>
/// «Итоговое заключение» as it is uploaded: the scan, the experts' recommendation and a comment. The expert fills it in
/// his cabinet; the operator, for a conclusion received on paper.
/// </summary>
public class ConclusionInput
{
    [Required(ErrorMessage = "Выберите рекомендацию: соответствует или не соответствует заявленной квалификационной категории.")]
    [Display(Name = "Рекомендация специалистов")]
    public Conformity? Recommendation { get; set; }

    [StringLength(DomainConclusion.CommentMaxLength, ErrorMessage = "Комментарий — не более {1} символов.")]
    [Display(Name = "Комментарий (необязательно)")]
    public string? Comment { get; set; }

    [Display(Name = "Скан итогового заключения")]
    public IFormFile? Scan { get; set; }

    /// <summary>
    /// The conclusion the form was shown with (its file), empty when there was none: a conclusion attached by someone
    /// else in the meantime is not replaced unseen (<see cref="Application.AttachConclusion"/>).
    /// </summary>
    public Guid? ReplacesFileId { get; set; }

    /// <summary>The form's starting values: the conclusion attached so far, if any.</summary>
    public void ShowCurrent(DomainConclusion? conclusion)
    {
        ReplacesFileId = conclusion?.FileId;
        if (conclusion is not null)
        {
            Recommendation = conclusion.Recommendation;
            Comment = conclusion.Comment;
        }
    }
}

/// <summary>
/// The upload of a final conclusion, whoever uploads it: the scan checked by the rules of every upload, attached with
/// the recommendation, and the teacher told by e-mail that it is there.
/// </summary>
public sealed class ConclusionUpload(
    AttestationDbContext db,
    UploadValidator uploads,
    IFileStore files,
    ApplicationEmails emails,
    RegionTime region)
{
    public string MaxSizeText => uploads.MaxSizeText;

    /// <summary>
    /// Checks <paramref name="input"/>'s scan and attaches it to the tracked <paramref name="application"/>; when
    /// <paramref name="signedByAll"/> (a paper conclusion already bears the three signatures), the same file is also the
    /// signed copy. A problem goes into <paramref name="modelState"/> (the file's next to its field) and the answer is
    /// false; the caller saves on true.
    /// </summary>
    public async Task<bool> AttachAsync(Application application, ConclusionInput input, Actor by, bool signedByAll,
        ModelStateDictionary modelState, string prefix, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(modelState);
        var check = await uploads.CheckAsync(input.Scan, ct);
        if (!check.IsValid)
        {
            modelState.AddModelError($"{prefix}.{nameof(ConclusionInput.Scan)}", check.Error!);
            return false;
        }

        var now = region.Now;
        var refusal = SafeSave.RefusalOf(() =>
        {
            var fileId = files.Stage(check.Upload!, by.Id, now);
            application.AttachConclusion(fileId, input.Recommendation!.Value, input.Comment, by, now, input.ReplacesFileId);
            if (signedByAll)
                application.SignConclusion(fileId, by, now);
        });
        if (refusal is not null)
        {
            modelState.AddModelError(string.Empty, refusal);
            // The page now shows the conclusion attached meanwhile: sent again, the form replaces that one, knowingly.
            modelState.Remove($"{prefix}.{nameof(ConclusionInput.ReplacesFileId)}");
            input.ReplacesFileId = application.Conclusion?.FileId;
            return false;
        }
        return true;
    }

    /// <summary>
    /// «Вам пришло итоговое заключение»: the letter to the teacher, queued with the attached conclusion (the caller
    /// saves both); false when the teacher has no address.
    /// </summary>
    public async Task<bool> NotifyTeacherAsync(Application application, bool replaced, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(application);
        var teacher = await db.RecipientAsync(application.TeacherId, ct);
        if (teacher is null)
            return false;
        var period = await db.Periods.AsNoTracking().SingleAsync(p => p.Id == application.PeriodId, ct);
        return emails.QueueConclusionAttached(teacher, period.Name,
            application.Status == ApplicationStatus.ConclusionSigned, replaced, application.Id);
    }
}
