using Attestation.Domain.Applications;
using Attestation.Domain.Categories;
using Attestation.Domain.Directory;
using Attestation.Domain.Rules;

namespace Attestation.Domain.Tests.Rules;

public class EligibilityRulesTests
{
    private static readonly DateOnly _today = new(2026, 1, 15);
    private static readonly EligibilitySettings _defaults = EligibilitySettings.Default;

    private static EligibilityFacts Facts(QualificationCategory claimed, params HeldCategory[] held) => new()
    {
        ClaimedCategory = claimed,
        Today = _today,
        HeldCategories = held,
        TeacherOrganisationId = Given.OrganisationId,
        HasEmployerPetition = true,
    };

    private static HeldCategory Held(QualificationCategory category, string setOn, string position = "учитель") =>
        Given.Held(category, setOn, position);

    [Fact]
    public void A_clean_application_for_the_first_category_raises_no_warning()
    {
        Assert.Empty(EligibilityRules.Evaluate(Facts(QualificationCategory.First), _defaults));
    }

    [Fact]
    public void The_first_category_has_no_prerequisite()
    {
        Assert.Null(EligibilityRules.HighestRequiresPrior(Facts(QualificationCategory.First)));
    }

    [Fact]
    public void The_highest_category_without_a_prior_one_is_warned_about()
    {
        var warning = EligibilityRules.HighestRequiresPrior(Facts(QualificationCategory.Highest));

        Assert.NotNull(warning);
        Assert.Equal(RuleCodes.HighestRequiresPrior, warning.Code);
        Assert.Equal(RuleSources.Order196, warning.Rule);
        Assert.Contains("первую или высшую", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(QualificationCategory.First, "2024-03-01")]
    [InlineData(QualificationCategory.Highest, "2024-03-01")]
    [InlineData(QualificationCategory.First, "2012-03-01")]
    public void A_held_or_past_first_or_highest_category_allows_the_highest(QualificationCategory category, string setOn)
    {
        Assert.Null(EligibilityRules.HighestRequiresPrior(Facts(QualificationCategory.Highest, Held(category, setOn))));
    }

    [Fact]
    public void A_first_category_in_another_position_counts_for_the_highest()
    {
        var facts = Facts(QualificationCategory.Highest, Held(QualificationCategory.First, "2019-05-01", "воспитатель"));

        Assert.Null(EligibilityRules.HighestRequiresPrior(facts));
    }

    [Fact]
    public void A_declared_first_category_counts_when_the_records_are_missing()
    {
        var facts = Facts(QualificationCategory.Highest) with { DeclaredCategory = QualificationCategory.First };

        Assert.Null(EligibilityRules.HighestRequiresPrior(facts));
    }

    [Fact]
    public void A_category_dated_in_the_future_does_not_count()
    {
        var facts = Facts(QualificationCategory.Highest, Held(QualificationCategory.First, "2026-02-01"));

        Assert.NotNull(EligibilityRules.HighestRequiresPrior(facts));
    }

    [Theory]
    [InlineData(QualificationCategory.Methodist)]
    [InlineData(QualificationCategory.Mentor)]
    public void The_new_categories_without_the_highest_are_warned_about(QualificationCategory claimed)
    {
        var facts = Facts(claimed, Held(QualificationCategory.First, "2024-03-01"));

        var warning = EligibilityRules.NewCategoryRequiresHighest(facts, _defaults);

        Assert.NotNull(warning);
        Assert.Equal(RuleCodes.NewCategoryRequiresHighest, warning.Code);
        Assert.Contains($"«{claimed.ToRussian()}»", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_current_highest_allows_the_new_categories()
    {
        var facts = Facts(QualificationCategory.Mentor, Held(QualificationCategory.Highest, "2024-03-01"));

        Assert.Null(EligibilityRules.NewCategoryRequiresHighest(facts, _defaults));
        Assert.Null(EligibilityRules.NewCategoryRequiresHighest(facts, _defaults with { MethodistRequiresCurrentHighest = true }));
    }

    [Fact]
    public void By_default_an_expired_highest_counts_for_the_new_categories()
    {
        var facts = Facts(QualificationCategory.Methodist, Held(QualificationCategory.Highest, "2019-03-01"));

        Assert.Null(EligibilityRules.NewCategoryRequiresHighest(facts, _defaults));
    }

    [Fact]
    public void The_setting_can_require_the_highest_to_be_current()
    {
        var facts = Facts(QualificationCategory.Methodist, Held(QualificationCategory.Highest, "2019-03-01"));

        var warning = EligibilityRules.NewCategoryRequiresHighest(facts, _defaults with { MethodistRequiresCurrentHighest = true });

        Assert.NotNull(warning);
        Assert.Contains("действующей высшей категории нет", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_highest_that_expired_fails_only_under_the_strict_setting()
    {
        var facts = Facts(QualificationCategory.Mentor) with
        {
            DeclaredCategory = QualificationCategory.Highest,
            DeclaredCategoryExpiresOn = new DateOnly(2025, 12, 1),
        };

        Assert.Null(EligibilityRules.NewCategoryRequiresHighest(facts, _defaults));
        Assert.NotNull(EligibilityRules.NewCategoryRequiresHighest(facts, _defaults with { MethodistRequiresCurrentHighest = true }));
    }

    [Fact]
    public void The_highest_requirement_does_not_concern_the_old_categories()
    {
        Assert.Null(EligibilityRules.NewCategoryRequiresHighest(Facts(QualificationCategory.First), _defaults));
    }

    [Theory]
    [InlineData(QualificationCategory.Methodist)]
    [InlineData(QualificationCategory.Mentor)]
    public void The_new_categories_without_the_employers_petition_are_warned_about(QualificationCategory claimed)
    {
        var facts = Facts(claimed) with { HasEmployerPetition = false };

        var warning = EligibilityRules.PetitionRequired(facts);

        Assert.NotNull(warning);
        Assert.Equal(RuleCodes.PetitionRequired, warning.Code);
        Assert.Contains("ходатайство", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_petition_is_not_needed_for_the_old_categories_and_satisfies_the_new_ones()
    {
        Assert.Null(EligibilityRules.PetitionRequired(Facts(QualificationCategory.Highest) with { HasEmployerPetition = false }));
        Assert.Null(EligibilityRules.PetitionRequired(Facts(QualificationCategory.Mentor)));
    }

    [Fact]
    public void A_methodist_cannot_claim_the_methodist_category()
    {
        var warning = EligibilityRules.MethodistPositionCannotClaimMethodist(
            Facts(QualificationCategory.Methodist) with { PositionIsMethodist = true });

        Assert.NotNull(warning);
        Assert.Equal(RuleCodes.MethodistPositionCannotClaimMethodist, warning.Code);
    }

    [Fact]
    public void A_methodist_may_claim_the_mentor_category_and_a_teacher_the_methodist_one()
    {
        Assert.Null(EligibilityRules.MethodistPositionCannotClaimMethodist(
            Facts(QualificationCategory.Mentor) with { PositionIsMethodist = true }));
        Assert.Null(EligibilityRules.MethodistPositionCannotClaimMethodist(Facts(QualificationCategory.Methodist)));
    }

    [Fact]
    public void Reapplying_within_a_year_after_a_refusal_is_not_warned_about_by_default()
    {
        var facts = Facts(QualificationCategory.First) with { LastRefusalOn = new DateOnly(2025, 6, 1) };

        Assert.Null(EligibilityRules.ReapplicationWithinYearAfterRefusal(facts, _defaults));
    }

    [Fact]
    public void Reapplying_within_a_year_after_a_refusal_is_warned_about_when_switched_on()
    {
        var facts = Facts(QualificationCategory.First) with { LastRefusalOn = new DateOnly(2025, 6, 1) };

        var warning = EligibilityRules.ReapplicationWithinYearAfterRefusal(
            facts, _defaults with { WarnOnReapplicationWithinYearAfterRefusal = true });

        Assert.NotNull(warning);
        Assert.Equal(RuleCodes.ReapplicationWithinYearAfterRefusal, warning.Code);
        Assert.Contains("01.06.2025", warning.Message, StringComparison.Ordinal);
        Assert.Contains("01.06.2026", warning.Message, StringComparison.Ordinal);
        Assert.Equal(RuleSources.Order276, warning.Rule);
    }

    [Theory]
    [InlineData("2025-01-16", true)]
    [InlineData("2025-01-15", false)]
    [InlineData("2024-06-01", false)]
    public void The_year_after_a_refusal_ends_on_the_same_date_next_year(string refusedOn, bool warns)
    {
        var facts = Facts(QualificationCategory.First) with { LastRefusalOn = Given.Date(refusedOn) };
        var on = _defaults with { WarnOnReapplicationWithinYearAfterRefusal = true };

        Assert.Equal(warns, EligibilityRules.ReapplicationWithinYearAfterRefusal(facts, on) is not null);
    }

    [Fact]
    public void Another_open_application_of_the_teacher_is_warned_about()
    {
        var warning = EligibilityRules.AnotherOpenApplication(Facts(QualificationCategory.First) with { OtherOpenApplications = 1 });

        Assert.NotNull(warning);
        Assert.Equal(RuleCodes.AnotherOpenApplication, warning.Code);
        Assert.Null(EligibilityRules.AnotherOpenApplication(Facts(QualificationCategory.First)));
    }

    [Fact]
    public void An_expired_legacy_category_is_warned_about()
    {
        var facts = Facts(QualificationCategory.First, Held(QualificationCategory.First, "2020-11-02"));

        var warning = Assert.Single(EligibilityRules.LegacyCategoryExpiry(facts, _defaults));

        Assert.Equal(RuleCodes.LegacyCategoryExpired, warning.Code);
        Assert.Equal("Срок действия квалификационной категории «первая» (учитель) истёк 02.11.2025.", warning.Message);
    }

    [Theory]
    [InlineData("2021-01-15", true)]
    [InlineData("2021-04-15", true)]
    [InlineData("2021-04-16", false)]
    [InlineData("2022-01-15", false)]
    public void A_legacy_category_expiring_within_three_months_is_warned_about(string setOn, bool warns)
    {
        var facts = Facts(QualificationCategory.Highest, Held(QualificationCategory.First, setOn));

        var warnings = EligibilityRules.LegacyCategoryExpiry(facts, _defaults);

        Assert.Equal(warns, warnings.Any(w => w.Code == RuleCodes.LegacyCategoryExpiring));
    }

    [Fact]
    public void The_expiry_warning_window_is_a_setting()
    {
        var facts = Facts(QualificationCategory.Highest, Held(QualificationCategory.First, "2021-06-01"));

        Assert.Empty(EligibilityRules.LegacyCategoryExpiry(facts, _defaults));
        var warning = Assert.Single(EligibilityRules.LegacyCategoryExpiry(facts, _defaults with { LegacyExpiryWarningMonths = 6 }));
        Assert.Contains("6 мес.", warning.Message, StringComparison.Ordinal);
        Assert.Empty(EligibilityRules.LegacyCategoryExpiry(
            Facts(QualificationCategory.Highest, Held(QualificationCategory.First, "2021-01-20")),
            _defaults with { LegacyExpiryWarningMonths = 0 }));
    }

    [Fact]
    public void A_legacy_category_since_replaced_in_the_same_position_does_not_warn()
    {
        var facts = Facts(QualificationCategory.Mentor,
            Held(QualificationCategory.First, "2018-03-01"),
            Held(QualificationCategory.Highest, "2024-03-01"));

        Assert.Empty(EligibilityRules.LegacyCategoryExpiry(facts, _defaults));
    }

    [Fact]
    public void A_category_under_the_2023_rules_never_warns_about_expiry()
    {
        Assert.Empty(EligibilityRules.LegacyCategoryExpiry(
            Facts(QualificationCategory.Highest, Held(QualificationCategory.First, "2023-09-01")), _defaults));
    }

    [Fact]
    public void A_declared_expiry_is_checked_once_even_if_it_matches_a_record()
    {
        var facts = Facts(QualificationCategory.Highest, Held(QualificationCategory.First, "2021-02-01")) with
        {
            DeclaredCategory = QualificationCategory.First,
            DeclaredCategoryExpiresOn = new DateOnly(2026, 2, 1),
        };

        Assert.Single(EligibilityRules.LegacyCategoryExpiry(facts, _defaults));
    }

    [Fact]
    public void A_declared_expiry_without_records_is_checked()
    {
        var facts = Facts(QualificationCategory.Highest) with
        {
            DeclaredCategory = QualificationCategory.First,
            DeclaredCategoryExpiresOn = new DateOnly(2020, 11, 2),
        };

        var warning = Assert.Single(EligibilityRules.LegacyCategoryExpiry(facts, _defaults));
        Assert.Equal("Срок действия квалификационной категории «первая» истёк 02.11.2020.", warning.Message);
    }

    [Fact]
    public void A_lecturer_outside_vocational_education_is_warned_about()
    {
        var warning = EligibilityRules.VocationalPositionOutsideVocationalEducation(
            Facts(QualificationCategory.First) with { PositionIsVocational = true });

        Assert.NotNull(warning);
        Assert.Equal(RuleSources.CoordinatorManual, warning.Rule);
        Assert.Contains("«преподаватель»", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lecturer_at_a_college_is_fine()
    {
        Assert.Null(EligibilityRules.VocationalPositionOutsideVocationalEducation(
            Facts(QualificationCategory.First) with { PositionIsVocational = true, OrganisationIsVocational = true }));
    }

    [Fact]
    public void An_expert_from_the_teachers_own_organisation_is_a_conflict_of_interest()
    {
        var facts = Facts(QualificationCategory.First) with { ExpertOrganisationIds = [44, Given.OrganisationId] };

        var warning = EligibilityRules.ExpertFromOwnOrganisation(facts);

        Assert.NotNull(warning);
        Assert.Contains("конфликт интересов", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Experts_from_other_organisations_raise_no_conflict()
    {
        Assert.Null(EligibilityRules.ExpertFromOwnOrganisation(
            Facts(QualificationCategory.First) with { ExpertOrganisationIds = [44, 45] }));
    }

    [Fact]
    public void Evaluate_collects_every_firing_rule_in_a_fixed_order()
    {
        var facts = new EligibilityFacts
        {
            ClaimedCategory = QualificationCategory.Methodist,
            Today = _today,
            HeldCategories = [Held(QualificationCategory.First, "2020-11-02")],
            PositionIsMethodist = true,
            PositionIsVocational = true,
            OtherOpenApplications = 2,
            LastRefusalOn = new DateOnly(2025, 12, 1),
            TeacherOrganisationId = Given.OrganisationId,
            ExpertOrganisationIds = [Given.OrganisationId],
        };

        var warnings = EligibilityRules.Evaluate(facts, _defaults with { WarnOnReapplicationWithinYearAfterRefusal = true });

        Assert.Equal(
            [
                RuleCodes.NewCategoryRequiresHighest, RuleCodes.PetitionRequired, RuleCodes.MethodistPositionCannotClaimMethodist,
                RuleCodes.ReapplicationWithinYearAfterRefusal, RuleCodes.AnotherOpenApplication, RuleCodes.LegacyCategoryExpired,
                RuleCodes.VocationalPositionOutsideVocationalEducation, RuleCodes.ExpertFromOwnOrganisation,
            ],
            warnings.Select(w => w.Code));
        Assert.All(warnings, w => Assert.False(string.IsNullOrWhiteSpace(w.Rule)));
    }

    [Fact]
    public void Facts_are_taken_from_the_application_and_the_directory()
    {
        var application = Given.Draft();
        application.UpdateDraft(Given.Details() with { ClaimedCategory = QualificationCategory.Mentor }, Given.Teacher, Given.DraftAt);
        application.AttachDocument(ApplicationDocumentKind.EmployerPetition, Guid.NewGuid(), "ходатайство.pdf", Given.Teacher, Given.DraftAt);

        var facts = EligibilityFacts.From(application, new Position("преподаватель", isVocational: true),
            new Organisation(Given.MunicipalityId, "МАОУ СОШ № 2"), _today);

        Assert.Equal(QualificationCategory.Mentor, facts.ClaimedCategory);
        Assert.Equal(QualificationCategory.First, facts.DeclaredCategory);
        Assert.Equal(new DateOnly(2026, 11, 2), facts.DeclaredCategoryExpiresOn);
        Assert.True(facts.HasEmployerPetition);
        Assert.True(facts.PositionIsVocational);
        Assert.False(facts.OrganisationIsVocational);
        Assert.Equal(Given.OrganisationId, facts.TeacherOrganisationId);
        Assert.Equal(
            [RuleCodes.NewCategoryRequiresHighest, RuleCodes.VocationalPositionOutsideVocationalEducation],
            EligibilityRules.Evaluate(facts, _defaults).Select(w => w.Code));
    }

    [Fact]
    public void The_defaults_are_the_regions_documented_choices()
    {
        Assert.False(EligibilitySettings.Default.MethodistRequiresCurrentHighest);
        Assert.False(EligibilitySettings.Default.WarnOnReapplicationWithinYearAfterRefusal);
        Assert.Equal(3, EligibilitySettings.Default.LegacyExpiryWarningMonths);
    }
}
