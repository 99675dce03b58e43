namespace Attestation.Domain.Applications;

/// <summary>
/// «Основания для прохождения аттестации по упрощенной форме»: the grounds a teacher chooses from when he claims the
/// simplified form. The seed manual names the column but not its values; these are the grounds the Tomsk region's
/// regulation lists (professional achievements of the inter-attestation period), worded as the application says them.
/// A free-text field let «нет» through as a ground and silently took an application out of the schedule.
/// </summary>
public static class SimplifiedForm
{
    public static IReadOnlyList<string> Grounds { get; } =
    [
        "Победитель (призёр, лауреат) профессионального конкурса регионального или всероссийского уровня",
        "Государственная или ведомственная награда, почётное звание, полученные в межаттестационный период",
        "Учёная степень кандидата или доктора наук",
        "Подготовка победителей и призёров регионального или заключительного этапа всероссийской олимпиады школьников",
    ];

    /// <summary>The listed ground <paramref name="grounds"/> starts with (the teacher may add what confirms it), if any.</summary>
    public static string? GroundOf(string? grounds) =>
        grounds is null ? null : Grounds.FirstOrDefault(g => grounds.StartsWith(g, StringComparison.Ordinal));

    /// <summary>The details the teacher added after the ground («…: конкурс «Учитель года — 2025»»).</summary>
    public static string? DetailsOf(string? grounds)
    {
        var ground = GroundOf(grounds);
        if (ground is null)
            return grounds;
        var rest = grounds![ground.Length..].TrimStart(':', ' ');
        return rest.Length == 0 ? null : rest;
    }

    /// <summary>The stored text: the chosen ground, then the details.</summary>
    public static string Compose(string ground, string? details) =>
        string.IsNullOrWhiteSpace(details) ? ground : $"{ground}: {details.Trim()}";
}
