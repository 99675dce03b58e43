namespace Attestation.Domain.Rules;

/// <summary>
/// The sources the warnings name. Point numbers are given only where the specification confirms them; the wording of the
/// 2023 Порядок should be checked against the official text before a point number is added.
/// </summary>
public static class RuleSources
{
    /// <summary>The current Порядок, in force since 01.09.2023.</summary>
    public const string Order196 =
        "Порядок проведения аттестации педагогических работников (приказ Минпросвещения России от 24.03.2023 № 196)";

    /// <summary>The former Порядок: categories set under it keep their five-year term.</summary>
    public const string Order276 =
        "прежний Порядок проведения аттестации педагогических работников (приказ Минобрнауки России от 07.04.2014 № 276)";

    /// <summary>The municipal coordinator's manual (ЦОПМиКП/ТОИПКРО, 2021), the region's working rules.</summary>
    public const string CoordinatorManual =
        "Руководство муниципального координатора электронной системы «Аттестация» (ТОИПКРО, 2021)";

    /// <summary>The expert's procedure («Процедурные мероприятия при проведении аттестации педагогических работников»).</summary>
    public const string ExpertProcedure = "Процедурные мероприятия при проведении аттестации педагогических работников (ТОИПКРО)";

    /// <summary>Checks the portal adds on its own to keep data and schedules consistent.</summary>
    public const string Portal = "Правило портала «Аттестация» Томской области";
}
