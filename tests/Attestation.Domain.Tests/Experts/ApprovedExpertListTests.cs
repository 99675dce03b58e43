using Attestation.Domain.Experts;
using Attestation.Domain.Periods;

namespace Attestation.Domain.Tests.Experts;

public class ApprovedExpertListTests
{
    [Fact]
    public void An_added_expert_is_approved_for_his_municipality_only()
    {
        var list = new ApprovedExpertList(new SchoolYear(2025));

        var entry = list.Add(Given.ExpertA, Given.MunicipalityId, subjectId: Given.SubjectId, positionId: Given.PositionId);

        Assert.True(list.IsApproved(Given.ExpertA, Given.MunicipalityId));
        Assert.False(list.IsApproved(Given.ExpertA, Given.OtherMunicipalityId));
        Assert.False(list.IsApproved(Given.ExpertB, Given.MunicipalityId));
        Assert.Equal(list.Id, entry.ListId);
        Assert.Equal(Given.SubjectId, entry.SubjectId);
        Assert.Equal(Given.PositionId, entry.PositionId);
        Assert.Equal(7, entry.Id.Version);
    }

    [Fact]
    public void The_same_expert_twice_for_a_municipality_is_refused()
    {
        var list = new ApprovedExpertList(new SchoolYear(2025));
        list.Add(Given.ExpertA, Given.MunicipalityId);

        var error = Assert.Throws<DomainException>(() => list.Add(Given.ExpertA, Given.MunicipalityId));

        Assert.Equal("Специалист уже включён в список на 2025/2026 учебный год по этому муниципалитету.", error.Message);
        Assert.Single(list.Entries);
    }

    [Fact]
    public void An_expert_may_serve_two_municipalities()
    {
        var list = new ApprovedExpertList(new SchoolYear(2025));

        list.Add(Given.ExpertA, Given.MunicipalityId);
        list.Add(Given.ExpertA, Given.OtherMunicipalityId);

        Assert.Equal(2, list.Entries.Count);
        Assert.Single(list.ForMunicipality(Given.OtherMunicipalityId));
    }

    [Fact]
    public void An_entry_needs_a_municipality()
    {
        Assert.Throws<DomainException>(() => new ApprovedExpertList(new SchoolYear(2025)).Add(Given.ExpertA, 0));
    }

    [Fact]
    public void A_removed_expert_is_no_longer_approved()
    {
        var list = Given.ApprovedExperts();

        list.Remove(Given.ExpertA, Given.MunicipalityId);

        Assert.False(list.IsApproved(Given.ExpertA, Given.MunicipalityId));
        Assert.Throws<DomainException>(() => list.Remove(Given.ExpertA, Given.MunicipalityId));
    }

    [Fact]
    public void The_approving_order_is_recorded()
    {
        var list = new ApprovedExpertList(new SchoolYear(2025));

        list.RecordOrder(" 1234-р ", new DateOnly(2025, 8, 28));

        Assert.Equal("1234-р", list.OrderNumber);
        Assert.Equal(new DateOnly(2025, 8, 28), list.OrderDate);
        Assert.Equal(new SchoolYear(2025), list.SchoolYear);
        Assert.Throws<DomainException>(() => list.RecordOrder("", new DateOnly(2025, 8, 28)));
    }
}
