using Attestation.Web.Documents;

namespace Attestation.Web.Infrastructure;

/// <summary>
/// How a person's work reads on every screen and in every document, in one place: «учитель математики»,
/// «учитель математики, МАОУ лицей № 8», «Фёдоров Алексей Николаевич, учитель математики, МАОУ гимназия № 6».
/// </summary>
public static class WorkText
{
    /// <summary>«учитель математики»: the position with a small first letter, then the subject when there is one.</summary>
    public static string PositionWithSubject(string? position, string? subject)
    {
        var name = string.IsNullOrWhiteSpace(position) ? "" : DocumentText.LowerFirst(position.Trim());
        return string.IsNullOrWhiteSpace(subject) ? name : $"{name} {subject.Trim()}".Trim();
    }

    /// <summary>«учитель математики, МАОУ лицей № 8».</summary>
    public static string WithWorkplace(string? position, string? organisation) =>
        string.Join(", ", new[] { position?.Trim(), organisation?.Trim() }.Where(part => !string.IsNullOrEmpty(part)));

    /// <summary>«Фёдоров Алексей Николаевич, учитель математики, МАОУ гимназия № 6 г. Томска»: how schedules print an expert.</summary>
    public static string PersonWithWork(string fullName, string? position, string? subject, string? organisation) =>
        WithWorkplace($"{fullName}, {PositionWithSubject(position, subject)}".TrimEnd(',', ' '), organisation);
}
