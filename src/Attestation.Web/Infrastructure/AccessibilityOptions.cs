namespace Attestation.Web.Infrastructure;

/// <summary>
/// Where a person reports a problem of the portal's accessibility (section <c>Accessibility</c>): the page «О
/// доступности портала» names this contact, so each region sets its own.
/// </summary>
public sealed class AccessibilityOptions
{
    public const string Section = "Accessibility";

    /// <summary>Who answers, in the form that follows «Сообщите»: «оператору портала (Центр оценки …)».</summary>
    public string Contact { get; set; } = "оператору портала — Центру оценки профессионального мастерства и квалификации педагогов";

    /// <summary>The address that receives the reports.</summary>
    public string Email { get; set; } = "attestation@localhost";

    /// <summary>A phone, when the region gives one; empty: not shown.</summary>
    public string Phone { get; set; } = "";

    /// <summary>The phone as a <c>tel:</c> link dials it: its digits and a leading plus, «+7 (3822) 90-00-00» → «+73822900000».</summary>
    public string PhoneToDial => new([.. Phone.Where(c => char.IsAsciiDigit(c) || c == '+')]);

    /// <summary>In how many working days an answer comes.</summary>
    public int AnswerWorkingDays { get; set; } = 10;
}
