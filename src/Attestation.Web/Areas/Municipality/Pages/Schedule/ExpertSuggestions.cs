using Attestation.Domain.Rules;
using Attestation.Web.Infrastructure;

namespace Attestation.Web.Areas.Municipality.Pages.Schedule;

/// <summary>An approved expert as the scheduling form offers him, with what the coordinator should check.</summary>
/// <param name="Load">Applications of the period he is already assigned to (this one not counted).</param>
/// <param name="SubjectMatches">He works in the teacher's subject.</param>
/// <param name="PositionMatches">He holds the teacher's position.</param>
/// <param name="Conflict">The conflict-of-interest warning when he works in the teacher's own organisation.</param>
/// <param name="PositionProblems">What is wrong with his position as recorded («Не назначайте эксперта, у которого неправильно указана должность»).</param>
public sealed record ExpertChoice(
    Guid Id,
    string FullName,
    string? Position,
    string? Subject,
    string? Organisation,
    int Load,
    bool SubjectMatches,
    bool PositionMatches,
    string? Conflict,
    IReadOnlyList<string> PositionProblems)
{
    public bool HasWarnings => Conflict is not null || PositionProblems.Count > 0;

    /// <summary>«предмет, должность» that match the teacher's, for the «Совпадает» column.</summary>
    public string Matches => string.Join(", ",
        new[] { SubjectMatches ? "предмет" : null, PositionMatches ? "должность" : null }.OfType<string>());

    /// <summary>The option of the drop-down list.</summary>
    public string OptionText
    {
        get
        {
            // «учитель математики, МАОУ гимназия № 6 г. Томска»: the directory's subjects read after the position.
            var position = string.Join(" ", new[] { Position, Subject }.Where(p => !string.IsNullOrWhiteSpace(p)));
            var work = string.Join(", ", new[] { position, Organisation }.Where(p => !string.IsNullOrWhiteSpace(p)));
            var warning = HasWarnings ? "⚠ " : "";
            return $"{warning}{FullName} — {(work.Length > 0 ? work : "должность и место работы не указаны")} · назначений: {Load}";
        }
    }
}

/// <summary>The facts about an approved expert that the suggestion and the checks look at.</summary>
public sealed record ExpertFacts(
    Guid Id,
    string FullName,
    int? PositionId,
    string? PositionName,
    bool PositionIsActive,
    bool PositionIsVocational,
    int? ListedPositionId,
    string? ListedPositionName,
    int? SubjectId,
    string? SubjectName,
    int? OrganisationId,
    string? OrganisationName,
    bool OrganisationIsVocational,
    int Load);

/// <summary>
/// The suggestion order of experts for one application (SPEC §8: balanced by subject and workload, with
/// conflict-of-interest checks) and the check of each expert's position. Pure functions of the facts.
/// </summary>
public static class ExpertSuggestions
{
    /// <summary>
    /// Same subject first, then same position, then the fewest assignments in the period, then by name; each expert
    /// with his warnings.
    /// </summary>
    public static IReadOnlyList<ExpertChoice> Order(
        IEnumerable<ExpertFacts> experts, int teacherPositionId, int? teacherSubjectId, int teacherOrganisationId)
    {
        ArgumentNullException.ThrowIfNull(experts);
        return experts
            .Select(e => new ExpertChoice(
                e.Id,
                e.FullName,
                e.PositionName,
                e.SubjectName,
                e.OrganisationName,
                e.Load,
                teacherSubjectId is { } subject && e.SubjectId == subject,
                e.PositionId == teacherPositionId,
                ConflictOfInterest(e, teacherOrganisationId),
                PositionProblems(e)))
            .OrderByDescending(c => c.SubjectMatches)
            .ThenByDescending(c => c.PositionMatches)
            .ThenBy(c => c.Load)
            .ThenBy(c => c.FullName, Alphabet.Russian)
            .ToList();
    }

    /// <summary>The region's rule against an expert from the teacher's own organisation, worded by the eligibility rules.</summary>
    public static string? ConflictOfInterest(ExpertFacts expert, int teacherOrganisationId)
    {
        ArgumentNullException.ThrowIfNull(expert);
        var facts = new EligibilityFacts
        {
            ClaimedCategory = default,
            Today = default,
            TeacherOrganisationId = teacherOrganisationId,
            ExpertOrganisationIds = expert.OrganisationId is { } organisation ? [organisation] : [],
        };
        return EligibilityRules.ExpertFromOwnOrganisation(facts)?.Message;
    }

    /// <summary>
    /// «Не назначайте эксперта, у которого неправильно указана должность» (the coordinator's manual): the position is
    /// missing, no longer in the directory, differs from the approved list, or is a vocational one («преподаватель»)
    /// outside vocational education; and a missing workplace, which the schedule prints next to it.
    /// </summary>
    public static IReadOnlyList<string> PositionProblems(ExpertFacts expert)
    {
        ArgumentNullException.ThrowIfNull(expert);
        var problems = new List<string>();
        if (expert.PositionId is null)
        {
            problems.Add("Должность не указана.");
        }
        else
        {
            if (!expert.PositionIsActive)
                problems.Add($"Должность «{expert.PositionName}» исключена из справочника должностей.");
            if (expert.ListedPositionId is { } listed && listed != expert.PositionId)
                problems.Add($"Должность «{expert.PositionName}» не совпадает с должностью в утверждённом списке («{expert.ListedPositionName}»).");
            if (expert.PositionIsVocational && !expert.OrganisationIsVocational)
                problems.Add($"Должность «{expert.PositionName}» относится к системе профессионального образования, а место работы специалиста — нет.");
        }

        if (expert.OrganisationId is null)
            problems.Add("Место работы не указано.");
        return problems;
    }
}
