using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Data;

/// <summary>
/// The rules of <see cref="ApplicationRules"/> as PostgreSQL runs them: for applications at every stage, with and
/// without a withdrawal pending, each action's query selects exactly the applications whose <see cref="Application.Can"/>
/// is true, so a list and a card's button agree on real data too.
/// </summary>
public sealed class ApplicationFiltersTests(MunicipalFactory factory) : IClassFixture<MunicipalFactory>
{
    private readonly MunicipalWorld _world = new(factory);

    private static readonly string[] Surnames = ["Черновая", "Поданная", "Отклонённая", "Зарегистрированная", "Назначенная", "Заключённая", "Подписанная", "Проверенная", "Решённая"];

    [Fact]
    public async Task Every_actions_query_selects_exactly_what_the_aggregate_allows()
    {
        var place = await _world.MunicipalityAsync("Зырянский район");
        var expertA = await _world.ExpertAsync(place, "Фёдоров");
        var expertB = await _world.ExpertAsync(place, "Громов");
        var ids = new List<Guid>();
        foreach (var stage in Enum.GetValues<ApplicationStage>())
        {
            var period = stage >= ApplicationStage.Scheduled ? factory.OpenPeriod : null;
            ids.Add((await _world.ApplicationAsync(place, Surnames[(int)stage], stage, period, expertA, expertB)).Id);
            if (stage is ApplicationStage.Submitted or ApplicationStage.Registered or ApplicationStage.Scheduled)
            {
                var pending = await _world.ApplicationAsync(place, "Отзывающая", stage, period, expertA, expertB);
                await factory.Applications.Saved(pending.Id).Withdrawn(WithdrawalReason.Dismissal, registered: false).AtAsync(stage);
                ids.Add(pending.Id);
            }
        }
        ids.Add((await _world.ApplicationAsync(place, "Упрощённая", ApplicationStage.Registered, simplified: true)).Id);
        var withdrawn = await _world.ApplicationAsync(place, "Отозванная", ApplicationStage.Registered);
        await factory.Applications.Saved(withdrawn.Id).Withdrawn(WithdrawalReason.Dismissal, registered: true).AtAsync(ApplicationStage.Registered);
        ids.Add(withdrawn.Id);

        await using var db = factory.OpenDb();
        var loaded = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync();
        Assert.Equal(ids.Count, loaded.Count);
        Assert.Contains(loaded, a => a.IsWithdrawalPending);
        foreach (var action in Enum.GetValues<ApplicationAction>())
        {
            var selected = await db.Applications.AsNoTracking()
                .Where(a => ids.Contains(a.Id))
                .Where(ApplicationFilters.Can(action))
                .Select(a => a.Id)
                .ToListAsync();
            var allowed = loaded.Where(a => a.Can(action)).Select(a => a.Id);
            Assert.True(allowed.Order().SequenceEqual(selected.Order()), $"{action}: the query and the aggregate disagree.");
        }

        var awaiting = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id)).Where(ApplicationFilters.AwaitingPeriod).CountAsync();
        Assert.Equal(loaded.Count(a => a is { Status: ApplicationStatus.Registered, PeriodId: null, IsSimplified: false }), awaiting);
        var inProgress = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id)).CountAsync(ApplicationFilters.InProgress);
        Assert.Equal(loaded.Count(a => a.Status.IsInProgress()), inProgress);

        // On the withdrawal's columns, so it may be projected too (the municipal home counts it with the others).
        Assert.Contains(loaded, a => a.Withdrawal is { RegisteredAt: not null });
        var pendingIds = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Where(ApplicationFilters.WithdrawalPending).Select(a => a.Id).ToListAsync();
        Assert.Equal(loaded.Where(a => a.IsWithdrawalPending).Select(a => a.Id).Order(), pendingIds.Order());
        var flags = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(ApplicationFilters.WithdrawalPending).ToListAsync();
        Assert.Equal(pendingIds.Count, flags.Count(flag => flag));
    }
}
