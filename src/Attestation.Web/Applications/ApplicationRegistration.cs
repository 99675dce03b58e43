using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;
using Attestation.Web.Notifications;

namespace Attestation.Web.Applications;

/// <summary>
/// «Зарегистрировать»: the next number of the municipality's year and today's date given to a submitted application, and
/// the letter to the teacher, in one transaction. The one way an application is registered, one at a time from its card
/// or the journal, or several chosen in the journal.
/// </summary>
public sealed class ApplicationRegistration(AttestationDbContext db, ApplicationEmails emails, RegionTime region)
{
    /// <summary>The result: a refusal to show, or the number and date given and whether the teacher was written to.</summary>
    public sealed record Outcome(string? Refusal, string Number, DateOnly On, bool LetterSent);

    public async Task<Outcome> RegisterAsync(Application application, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(application);
        var on = region.Today;
        var number = "";
        var sent = false;
        var saved = await db.TrySaveAsync(async token =>
        {
            number = RegistrationNumbers.Format(
                await RegistrationNumbers.NextAsync(db, application.MunicipalityId, on.Year, token), on.Year);
            application.Register(actor, number, on, region.Now);
            sent = await db.RecipientAsync(application.TeacherId, token) is { } teacher
                && emails.QueueRegistered(teacher, number, on, application.Id);
        }, ct, Notices.ChangedMeanwhile(application.FullName), inTransaction: true,
            duplicate: "Регистрационный номер уже занят. Повторите регистрацию.");
        return new Outcome(saved.Refusal, number, on, sent);
    }
}
