using Attestation.Domain.Categories;

namespace Attestation.Domain.Rules;

/// <summary>
/// The checks a coordinator makes at registration, as warnings that name their rule; the coordinator decides. Each rule
/// is a pure function of the facts; <see cref="Evaluate"/> runs them all in a fixed order.
/// </summary>
public static class EligibilityRules
{
    public static IReadOnlyList<RuleWarning> Evaluate(EligibilityFacts facts, EligibilitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        var warnings = new List<RuleWarning>();
        Add(warnings, HighestRequiresPrior(facts));
        Add(warnings, NewCategoryRequiresHighest(facts, settings));
        Add(warnings, PetitionRequired(facts));
        Add(warnings, MethodistPositionCannotClaimMethodist(facts));
        Add(warnings, ReapplicationWithinYearAfterRefusal(facts, settings));
        Add(warnings, AnotherOpenApplication(facts));
        warnings.AddRange(LegacyCategoryExpiry(facts, settings));
        Add(warnings, VocationalPositionOutsideVocationalEducation(facts));
        Add(warnings, ExpertFromOwnOrganisation(facts));
        return warnings;
    }

    /// <summary>
    /// «Высшая» is set to a teacher who holds or held «первая» or «высшая», in any position (Order 196; the former two-year
    /// wait after «первая» no longer exists).
    /// </summary>
    public static RuleWarning? HighestRequiresPrior(EligibilityFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.ClaimedCategory != QualificationCategory.Highest)
        {
            return null;
        }

        var hasPrior = facts.DeclaredCategory is QualificationCategory.First or QualificationCategory.Highest
            || facts.HeldCategories.Any(c =>
                c.Category is QualificationCategory.First or QualificationCategory.Highest && c.SetOn <= facts.Today);
        return hasPrior
            ? null
            : new RuleWarning(
                RuleCodes.HighestRequiresPrior,
                RuleSources.Order196,
                "Высшая квалификационная категория устанавливается педагогу, который имеет или имел первую или высшую категорию (по любой должности); сведений о такой категории нет.");
    }

    /// <summary>
    /// «Педагог-методист» and «педагог-наставник» are set to holders of «высшая» (Order 196); whether a past «высшая»
    /// counts is the setting <see cref="EligibilitySettings.MethodistRequiresCurrentHighest"/>.
    /// </summary>
    public static RuleWarning? NewCategoryRequiresHighest(EligibilityFacts facts, EligibilitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        if (!facts.ClaimedCategory.IsIntroducedIn2023())
        {
            return null;
        }

        var highest = facts.HeldCategories.Where(c => c.Category == QualificationCategory.Highest && c.SetOn <= facts.Today);
        var declaredHighest = facts.DeclaredCategory == QualificationCategory.Highest;
        bool satisfied;
        string missing;
        if (settings.MethodistRequiresCurrentHighest)
        {
            satisfied = highest.Any(c => c.IsCurrent(facts.Today))
                || (declaredHighest && (facts.DeclaredCategoryExpiresOn is null || facts.DeclaredCategoryExpiresOn >= facts.Today));
            missing = "действующей высшей категории нет";
        }
        else
        {
            satisfied = declaredHighest || highest.Any();
            missing = "сведений о высшей категории (действующей или прежней) нет";
        }

        return satisfied
            ? null
            : new RuleWarning(
                RuleCodes.NewCategoryRequiresHighest,
                RuleSources.Order196,
                $"Квалификационная категория «{facts.ClaimedCategory.ToRussian()}» устанавливается педагогу, имеющему высшую квалификационную категорию; {missing}.");
    }

    /// <summary>The employer's petition («ходатайство») is attached for «педагог-методист» and «педагог-наставник» (Order 196).</summary>
    public static RuleWarning? PetitionRequired(EligibilityFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.ClaimedCategory.IsIntroducedIn2023() && !facts.HasEmployerPetition
            ? new RuleWarning(
                RuleCodes.PetitionRequired,
                RuleSources.Order196,
                $"К заявлению на квалификационную категорию «{facts.ClaimedCategory.ToRussian()}» прилагается ходатайство работодателя; ходатайство не приложено.")
            : null;
    }

    /// <summary>A «методист» or «старший методист» cannot claim «педагог-методист» (Order 196).</summary>
    public static RuleWarning? MethodistPositionCannotClaimMethodist(EligibilityFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.ClaimedCategory == QualificationCategory.Methodist && facts.PositionIsMethodist
            ? new RuleWarning(
                RuleCodes.MethodistPositionCannotClaimMethodist,
                RuleSources.Order196,
                "Педагогический работник в должности «методист» или «старший методист» не может претендовать на квалификационную категорию «педагог-методист».")
            : null;
    }

    /// <summary>
    /// A refused teacher reapplying within a year. Order 276 had this rule; the current Порядок does not confirm it, so
    /// it is off unless <see cref="EligibilitySettings.WarnOnReapplicationWithinYearAfterRefusal"/> is set. The year runs
    /// from the refusal date to the same date a year later, exclusive.
    /// </summary>
    public static RuleWarning? ReapplicationWithinYearAfterRefusal(EligibilityFacts facts, EligibilitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.WarnOnReapplicationWithinYearAfterRefusal || facts.LastRefusalOn is not { } refusedOn)
        {
            return null;
        }

        var allowedFrom = refusedOn.AddYears(1);
        return facts.Today < allowedFrom
            ? new RuleWarning(
                RuleCodes.ReapplicationWithinYearAfterRefusal,
                RuleSources.Order276,
                $"В установлении категории было отказано {Text.Date(refusedOn)}; повторное заявление подано раньше чем через год (до {Text.Date(allowedFrom)}).")
            : null;
    }

    /// <summary>Another application of the same teacher is still being considered (a data-quality check of the portal).</summary>
    public static RuleWarning? AnotherOpenApplication(EligibilityFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.OtherOpenApplications > 0
            ? new RuleWarning(
                RuleCodes.AnotherOpenApplication,
                RuleSources.Portal,
                $"У педагога есть другие заявления на аттестацию, которые ещё рассматриваются: {facts.OtherOpenApplications}.")
            : null;
    }

    /// <summary>
    /// A legacy category (set before 01.09.2023, five-year term, Order 276 and the transitional rule of Order 196) that
    /// has expired or expires within <see cref="EligibilitySettings.LegacyExpiryWarningMonths"/> months: the region's
    /// advice is to apply three months ahead («За 3 месяца до окончания срока действия кв. категории»). Only the latest
    /// record per position counts, so that a category since replaced does not warn.
    /// </summary>
    public static IReadOnlyList<RuleWarning> LegacyCategoryExpiry(EligibilityFacts facts, EligibilitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        var candidates = facts.HeldCategories
            .Where(c => c.SetOn <= facts.Today)
            .GroupBy(c => c.PositionName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderByDescending(c => c.SetOn).First())
            .Where(c => c.ExpiresOn is not null)
            .Select(c => (c.Category, Position: (string?)c.PositionName, ExpiresOn: c.ExpiresOn!.Value))
            .ToList();

        if (facts.DeclaredCategory is QualificationCategory.First or QualificationCategory.Highest
            && facts.DeclaredCategoryExpiresOn is { } declaredExpiry
            && !candidates.Exists(c => c.ExpiresOn == declaredExpiry))
        {
            candidates.Add((facts.DeclaredCategory, null, declaredExpiry));
        }

        var horizon = facts.Today.AddMonths(Math.Max(0, settings.LegacyExpiryWarningMonths));
        var warnings = new List<RuleWarning>();
        foreach (var (category, position, expiresOn) in candidates.OrderBy(c => c.ExpiresOn))
        {
            var what = position is null
                ? $"квалификационной категории «{category.ToRussian()}»"
                : $"квалификационной категории «{category.ToRussian()}» ({position})";
            if (expiresOn < facts.Today)
            {
                warnings.Add(new RuleWarning(
                    RuleCodes.LegacyCategoryExpired,
                    RuleSources.Order276,
                    $"Срок действия {what} истёк {Text.Date(expiresOn)}."));
            }
            else if (settings.LegacyExpiryWarningMonths > 0 && expiresOn <= horizon)
            {
                warnings.Add(new RuleWarning(
                    RuleCodes.LegacyCategoryExpiring,
                    RuleSources.CoordinatorManual,
                    $"Срок действия {what} истекает {Text.Date(expiresOn)}; заявление рекомендуется подавать не позднее чем за {settings.LegacyExpiryWarningMonths} мес. до окончания срока."));
            }
        }

        return warnings;
    }

    /// <summary>«Должность «преподаватель» относится к системе профессионального образования» (the coordinator's manual).</summary>
    public static RuleWarning? VocationalPositionOutsideVocationalEducation(EligibilityFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.PositionIsVocational && !facts.OrganisationIsVocational
            ? new RuleWarning(
                RuleCodes.VocationalPositionOutsideVocationalEducation,
                RuleSources.CoordinatorManual,
                "Должность «преподаватель» относится к системе профессионального образования, а организация аттестуемого — нет: проверьте выбор должности.")
            : null;
    }

    /// <summary>An expert working in the teacher's own organisation: a conflict of interest (the region's rule for schedules).</summary>
    public static RuleWarning? ExpertFromOwnOrganisation(EligibilityFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.TeacherOrganisationId > 0 && facts.ExpertOrganisationIds.Contains(facts.TeacherOrganisationId)
            ? new RuleWarning(
                RuleCodes.ExpertFromOwnOrganisation,
                RuleSources.Portal,
                "Специалист по аттестации работает в той же образовательной организации, что и аттестуемый (конфликт интересов).")
            : null;
    }

    private static void Add(List<RuleWarning> warnings, RuleWarning? warning)
    {
        if (warning is not null)
        {
            warnings.Add(warning);
        }
    }
}
