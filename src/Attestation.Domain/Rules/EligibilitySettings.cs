namespace Attestation.Domain.Rules;

/// <summary>The region's choices where the law is disputed or silent; bound from configuration.</summary>
public sealed record EligibilitySettings
{
    public const string SectionName = "Eligibility";

    public static EligibilitySettings Default { get; } = new();

    /// <summary>
    /// «Педагог-методист» and «педагог-наставник» are for holders of «высшая»; whether it must still be in force or a past
    /// one counts is disputed. Default: a past «высшая» counts.
    /// </summary>
    public bool MethodistRequiresCurrentHighest { get; init; }

    /// <summary>
    /// The former Порядок let a refused teacher reapply only after a year; the current one does not confirm it. Off by default.
    /// </summary>
    public bool WarnOnReapplicationWithinYearAfterRefusal { get; init; }

    /// <summary>
    /// The region's advice: apply at least three months before a legacy category expires, so that pay does not lapse.
    /// 0 turns the «expiring» warning off (an expired category is still reported).
    /// </summary>
    public int LegacyExpiryWarningMonths { get; init; } = 3;
}
