using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Infrastructure;

namespace Attestation.Web.Areas.Municipality.Pages.Invitations;

/// <summary>
/// «Список пользователей зарегистрированных по приглашению»: everyone the municipality's coordinators invited, with
/// the login once registered — «в случае, если ваши приглашенные забыли свой логин, они должны обратиться за помощью к
/// вам». The operator's invitations of municipal coordinators are the operator's list, not this one.
/// </summary>
public sealed class IndexModel(AttestationDbContext db, RegionTime region) : InvitationListPage(db, region)
{
    protected override IQueryable<Invitation> ScopeOf(AttestationDbContext data) => data.Invitations.InMunicipalityOf(User);
}
