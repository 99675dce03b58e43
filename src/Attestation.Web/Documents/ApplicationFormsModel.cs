namespace Attestation.Web.Documents;

/// <summary>
/// The operator's «Печать заявлений»: the applications of one municipality and period, each printed as the teacher's
/// «Распечатать заявление» prints it, bound into one file by <see cref="ApplicationFormsPdf"/>.
/// </summary>
public sealed record ApplicationFormsModel
{
    public required string Municipality { get; init; }

    /// <summary>«январь-февраль 2027» or «без назначенного периода».</summary>
    public required string PeriodName { get; init; }

    public required IReadOnlyList<ApplicationFormModel> Forms { get; init; }

    public string Title => $"Заявления о проведении аттестации — {Municipality} — {PeriodName}";

    /// <summary>«Заявления — Город Томск — январь-февраль 2027.pdf».</summary>
    public string FileName => $"Заявления — {Municipality} — {PeriodName}.pdf";
}
