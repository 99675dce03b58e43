using Attestation.Web.Documents;

namespace Attestation.Web.Pages;

/// <summary>
/// What _ScheduleTable shows: a municipality's schedule (SPEC §6) on the coordinator's «Просмотр графика» or on the
/// public page of approved schedules, where nothing invites to fill it in.
/// </summary>
public sealed record ScheduleTableView(MunicipalScheduleModel Schedule, bool IsPublic);
