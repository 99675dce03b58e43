using Attestation.Domain.Periods;

namespace Attestation.Domain.Experts;

/// <summary>
/// The list of specialists («специалисты по аттестации») the regional department approves by order for a school year.
/// Only listed experts of the teacher's municipality can be assigned.
/// </summary>
public sealed class ApprovedExpertList
{
    public const int OrderNumberMaxLength = 100;

    private readonly List<ApprovedExpert> _entries = [];

    public ApprovedExpertList(SchoolYear schoolYear, string? orderNumber = null, DateOnly? orderDate = null)
    {
        Id = Guid.CreateVersion7();
        SchoolYearStart = schoolYear.StartYear;
        OrderNumber = Text.Optional(orderNumber, "Номер распоряжения", OrderNumberMaxLength);
        OrderDate = orderDate;
    }

    private ApprovedExpertList()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The first calendar year of the school year (2025 for 2025/2026).</summary>
    public int SchoolYearStart { get; private set; }

    public string? OrderNumber { get; private set; }

    public DateOnly? OrderDate { get; private set; }

    public IReadOnlyList<ApprovedExpert> Entries => _entries;

    public SchoolYear SchoolYear => new(SchoolYearStart);

    public void RecordOrder(string orderNumber, DateOnly orderDate)
    {
        OrderNumber = Text.Required(orderNumber, "Номер распоряжения", OrderNumberMaxLength);
        OrderDate = orderDate;
    }

    public ApprovedExpert Add(Guid expertId, int municipalityId, int? subjectId = null, int? positionId = null)
    {
        if (expertId == Guid.Empty)
        {
            throw new ArgumentException("An entry needs the expert's user id.", nameof(expertId));
        }

        if (municipalityId <= 0)
        {
            throw new DomainException("Не указано муниципальное образование специалиста.");
        }

        if (IsApproved(expertId, municipalityId))
        {
            throw new DomainException($"Специалист уже включён в список на {SchoolYear} учебный год по этому муниципалитету.");
        }

        var entry = new ApprovedExpert(Id, expertId, municipalityId, subjectId, positionId);
        _entries.Add(entry);
        return entry;
    }

    public void Remove(Guid expertId, int municipalityId)
    {
        var entry = _entries.Find(e => e.ExpertId == expertId && e.MunicipalityId == municipalityId)
            ?? throw new DomainException("Специалиста нет в списке по этому муниципалитету.");
        _entries.Remove(entry);
    }

    public bool IsApproved(Guid expertId, int municipalityId) =>
        _entries.Exists(e => e.ExpertId == expertId && e.MunicipalityId == municipalityId);

    public IReadOnlyList<ApprovedExpert> ForMunicipality(int municipalityId) =>
        _entries.Where(e => e.MunicipalityId == municipalityId).ToList();
}
