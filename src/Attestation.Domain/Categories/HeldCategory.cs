namespace Attestation.Domain.Categories;

/// <summary>
/// A category a teacher holds or held, per position. Categories set under the former Порядок (before 01.09.2023) last
/// five years; those set since have no expiry. Both kinds coexist in the data for years.
/// </summary>
public sealed class HeldCategory
{
    public const int PositionNameMaxLength = 200;
    public const int DecisionNumberMaxLength = 100;

    /// <summary>Legacy categories were set for five years (former Порядок, приказ Минобрнауки № 276).</summary>
    public const int LegacyTermYears = 5;

    /// <summary>
    /// Regional journals print the end of a legacy term as the same calendar day five years on (set 02.11.2015, ends
    /// 02.11.2020), and that day is still covered: the category lapses the day after. Should the region count the term
    /// as ending the day before, set this to -1; nothing else changes.
    /// </summary>
    public const int LegacyExpiryDayShift = 0;

    /// <summary>The 2023 Порядок (приказ Минпросвещения № 196 от 24.03.2023) applies to categories set from this day.</summary>
    public static readonly DateOnly NewRulesInForceFrom = new(2023, 9, 1);

    private HeldCategory()
    {
        PositionName = string.Empty;
    }

    private HeldCategory(
        Guid teacherId,
        QualificationCategory category,
        string positionName,
        DateOnly setOn,
        DateOnly? expiresOn,
        string? decisionNumber,
        DateOnly? decisionDate)
    {
        Id = Guid.CreateVersion7();
        TeacherId = teacherId;
        Category = category;
        PositionName = positionName;
        SetOn = setOn;
        ExpiresOn = expiresOn;
        IsLegacy = expiresOn is not null;
        DecisionNumber = decisionNumber;
        DecisionDate = decisionDate;
    }

    public Guid Id { get; private set; }

    public Guid TeacherId { get; private set; }

    public QualificationCategory Category { get; private set; }

    /// <summary>A category is set for a position; kept as text because positions get renamed and merged over the years.</summary>
    public string PositionName { get; private set; }

    public DateOnly SetOn { get; private set; }

    /// <summary>The last day the category is in force; only legacy categories have one.</summary>
    public DateOnly? ExpiresOn { get; private set; }

    public bool IsLegacy { get; private set; }

    /// <summary>The order («распоряжение») that set the category.</summary>
    public string? DecisionNumber { get; private set; }

    public DateOnly? DecisionDate { get; private set; }

    /// <param name="legacyExpiresOn">
    /// Imported legacy data sometimes carries an end date that differs from the computed one (a term extended by a
    /// regional decision, a typo fixed on paper); it is taken as given.
    /// </param>
    public static HeldCategory Record(
        Guid teacherId,
        QualificationCategory category,
        string positionName,
        DateOnly setOn,
        string? decisionNumber,
        DateOnly? decisionDate,
        DateOnly? legacyExpiresOn = null)
    {
        if (teacherId == Guid.Empty)
        {
            throw new ArgumentException("A category belongs to a teacher.", nameof(teacherId));
        }

        if (!category.IsClaimable())
        {
            throw new DomainException("Укажите квалификационную категорию: «не имею» не записывается.");
        }

        var position = Text.Required(positionName, "Должность", PositionNameMaxLength);
        var number = Text.Optional(decisionNumber, "Номер распоряжения", DecisionNumberMaxLength);
        var legacy = IsLegacyDate(setOn);

        if (legacy && category.IsIntroducedIn2023())
        {
            throw new DomainException(
                $"Категория «{category.ToRussian()}» устанавливается с {Text.Date(NewRulesInForceFrom)} и не могла быть установлена {Text.Date(setOn)}.");
        }

        if (!legacy && legacyExpiresOn is not null)
        {
            throw new DomainException(
                $"Категория, установленная с {Text.Date(NewRulesInForceFrom)}, действует бессрочно: дата окончания срока не указывается.");
        }

        if (legacyExpiresOn is { } overridden && overridden <= setOn)
        {
            throw new DomainException("Дата окончания срока действия категории должна быть позже даты её установления.");
        }

        var expiresOn = legacy ? legacyExpiresOn ?? LegacyExpiry(setOn) : (DateOnly?)null;
        return new HeldCategory(teacherId, category, position, setOn, expiresOn, number, decisionDate);
    }

    public static bool IsLegacyDate(DateOnly setOn) => setOn < NewRulesInForceFrom;

    /// <summary>The computed last day of a legacy term. 29 February rolls back to 28 February.</summary>
    public static DateOnly LegacyExpiry(DateOnly setOn) => setOn.AddYears(LegacyTermYears).AddDays(LegacyExpiryDayShift);

    public bool IsCurrent(DateOnly today) => today >= SetOn && (ExpiresOn is null || today <= ExpiresOn.Value);

    public bool HasExpired(DateOnly today) => ExpiresOn is { } expiresOn && today > expiresOn;

    /// <summary>The order is often issued days after the meeting that decided.</summary>
    public void RecordDecision(string? decisionNumber, DateOnly? decisionDate)
    {
        DecisionNumber = Text.Optional(decisionNumber, "Номер распоряжения", DecisionNumberMaxLength);
        DecisionDate = decisionDate;
    }
}
