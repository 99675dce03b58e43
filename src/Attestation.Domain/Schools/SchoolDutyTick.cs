namespace Attestation.Domain.Schools;

/// <summary>
/// A duty of <see cref="SchoolDuties"/> marked as done by the school's coordinator for one school year of his
/// organisation; one per organisation, year and duty (the database's unique key makes a second tick a no-op).
/// Removing the tick undoes a mistaken one.
/// </summary>
public sealed class SchoolDutyTick
{
    public SchoolDutyTick(int organisationId, int schoolYearStart, string duty, Guid tickedBy, DateTimeOffset now)
    {
        if (organisationId <= 0 || tickedBy == Guid.Empty)
            throw new ArgumentException("A tick belongs to an organisation and a person.");

        Id = Guid.CreateVersion7();
        OrganisationId = organisationId;
        SchoolYearStart = schoolYearStart;
        Duty = Text.Required(duty, "Мероприятие", SchoolDuties.CodeMaxLength);
        TickedBy = tickedBy;
        TickedAt = Instant.Utc(now);
    }

    private SchoolDutyTick()
    {
        Duty = string.Empty;
    }

    /// <summary>New for every tick: the version a form shows the line at (a tick removed and made again is another).</summary>
    public Guid Id { get; private set; }

    public int OrganisationId { get; private set; }

    /// <summary>The first year of the school year («2026» for 2026/2027).</summary>
    public int SchoolYearStart { get; private set; }

    public string Duty { get; private set; }

    public Guid TickedBy { get; private set; }

    public DateTimeOffset TickedAt { get; private set; }
}
