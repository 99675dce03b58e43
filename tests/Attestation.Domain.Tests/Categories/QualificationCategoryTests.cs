using Attestation.Domain.Categories;

namespace Attestation.Domain.Tests.Categories;

public class QualificationCategoryTests
{
    [Theory]
    [InlineData(QualificationCategory.None, "не имею")]
    [InlineData(QualificationCategory.First, "первая")]
    [InlineData(QualificationCategory.Highest, "высшая")]
    [InlineData(QualificationCategory.Methodist, "педагог-методист")]
    [InlineData(QualificationCategory.Mentor, "педагог-наставник")]
    public void Categories_read_as_on_the_application_form(QualificationCategory category, string expected)
    {
        Assert.Equal(expected, category.ToRussian());
    }

    [Theory]
    [InlineData(QualificationCategory.First, "первой", "первую")]
    [InlineData(QualificationCategory.Highest, "высшей", "высшую")]
    [InlineData(QualificationCategory.Methodist, "«педагог-методист»", "«педагог-методист»")]
    [InlineData(QualificationCategory.Mentor, "«педагог-наставник»", "«педагог-наставник»")]
    public void Documents_get_the_declined_forms(QualificationCategory category, string genitive, string accusative)
    {
        Assert.Equal(genitive, category.ToRussianGenitive());
        Assert.Equal(accusative, category.ToRussianAccusative());
    }

    [Fact]
    public void Only_real_categories_can_be_claimed_and_only_the_new_ones_date_from_2023()
    {
        Assert.False(QualificationCategory.None.IsClaimable());
        Assert.All(
            new[] { QualificationCategory.First, QualificationCategory.Highest, QualificationCategory.Methodist, QualificationCategory.Mentor },
            c => Assert.True(c.IsClaimable()));
        Assert.False(QualificationCategory.Highest.IsIntroducedIn2023());
        Assert.True(QualificationCategory.Mentor.IsIntroducedIn2023());
    }

    [Fact]
    public void An_unknown_value_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((QualificationCategory)42).ToRussian());
    }
}
