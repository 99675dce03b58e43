namespace Attestation.Domain.Experts;

/// <summary>An expert's line in the approved list: who, for which municipality, optionally which subject and position.</summary>
public sealed class ApprovedExpert
{
    internal ApprovedExpert(Guid listId, Guid expertId, int municipalityId, int? subjectId, int? positionId)
    {
        Id = Guid.CreateVersion7();
        ListId = listId;
        ExpertId = expertId;
        MunicipalityId = municipalityId;
        SubjectId = subjectId;
        PositionId = positionId;
    }

    private ApprovedExpert()
    {
    }

    public Guid Id { get; private set; }

    public Guid ListId { get; private set; }

    /// <summary>The expert's user id.</summary>
    public Guid ExpertId { get; private set; }

    public int MunicipalityId { get; private set; }

    public int? SubjectId { get; private set; }

    public int? PositionId { get; private set; }
}
