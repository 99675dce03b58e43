using Attestation.Domain.Directory;

namespace Attestation.Domain.Tests.Directory;

public class DirectoryTests
{
    [Fact]
    public void A_new_municipality_is_active_unsaved_and_trimmed()
    {
        var tomsk = new Municipality("  Город Томск ", "г. Томск", handsConclusionsToSubjectGroup: true);

        Assert.Equal(0, tomsk.Id);
        Assert.Equal("Город Томск", tomsk.Name);
        Assert.Equal("г. Томск", tomsk.DisplayName);
        Assert.True(tomsk.IsActive);
        Assert.True(tomsk.HandsConclusionsToSubjectGroup);
        Assert.False(tomsk.IsRegionalPseudo);
    }

    [Fact]
    public void The_regional_pseudo_municipality_is_marked()
    {
        var regional = new Municipality("Областные образовательные учреждения", isRegionalPseudo: true);

        Assert.True(regional.IsRegionalPseudo);
        Assert.False(regional.HandsConclusionsToSubjectGroup);
        Assert.Equal("Областные образовательные учреждения", regional.DisplayName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Directory_entries_need_a_name(string? name)
    {
        Assert.Throws<DomainException>(() => new Municipality(name!));
        Assert.Throws<DomainException>(() => new Organisation(1, name!));
        Assert.Throws<DomainException>(() => new Position(name!));
        Assert.Throws<DomainException>(() => new Subject(name!));
    }

    [Fact]
    public void A_name_longer_than_the_column_is_refused_with_the_limit_named()
    {
        var error = Assert.Throws<DomainException>(() => new Subject(new string('я', Subject.NameMaxLength + 1)));

        Assert.Contains(Subject.NameMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_municipality_can_be_renamed_rerouted_deactivated_and_activated()
    {
        var seversk = new Municipality("ЗАТО Северск");

        seversk.Rename("Городской округ ЗАТО Северск", "ЗАТО Северск");
        seversk.ChangeConclusionRouting(true);
        seversk.Deactivate();

        Assert.Equal("Городской округ ЗАТО Северск", seversk.Name);
        Assert.Equal("ЗАТО Северск", seversk.ShortName);
        Assert.True(seversk.HandsConclusionsToSubjectGroup);
        Assert.False(seversk.IsActive);

        seversk.Activate();
        Assert.True(seversk.IsActive);
    }

    [Fact]
    public void An_organisation_belongs_to_a_municipality()
    {
        var error = Assert.Throws<DomainException>(() => new Organisation(0, "ОГБОУ «ТФТЛ»"));

        Assert.Equal("Не указано муниципальное образование образовательной организации.", error.Message);
    }

    [Fact]
    public void An_organisation_can_be_renamed_moved_and_marked_vocational()
    {
        var college = new Organisation(3, "ОГБПОУ «Томский политехнический техникум»", "ТПТ");

        college.Rename("ОГБПОУ «Томский политехнический техникум»", null);
        college.MoveToMunicipality(4);
        college.MarkVocational(true);
        college.Deactivate();

        Assert.Null(college.ShortName);
        Assert.Equal(college.Name, college.DisplayName);
        Assert.Equal(4, college.MunicipalityId);
        Assert.True(college.IsVocational);
        Assert.False(college.IsActive);
    }

    [Fact]
    public void Positions_know_whether_they_are_vocational_or_methodist()
    {
        var teacher = new Position("учитель");
        var lecturer = new Position("преподаватель", isVocational: true);
        var methodist = new Position("старший методист", isMethodist: true);

        Assert.False(teacher.IsVocational || teacher.IsMethodist);
        Assert.True(lecturer.IsVocational);
        Assert.True(methodist.IsMethodist);

        teacher.Classify(isVocational: false, isMethodist: true);
        teacher.Rename("методист");
        Assert.True(teacher.IsMethodist);
        Assert.Equal("методист", teacher.Name);
    }

    [Fact]
    public void Subjects_can_be_renamed_and_deactivated()
    {
        var subject = new Subject("информатики");

        subject.Rename("информатики и ИКТ");
        subject.Deactivate();

        Assert.Equal("информатики и ИКТ", subject.Name);
        Assert.False(subject.IsActive);
    }
}
