using Attestation.Domain.Applications;
using Attestation.Testing;
using Attestation.Web.Data;

namespace Attestation.Web.Tests.Operator;

/// <summary>The final conclusion's way through the domain: uploaded by an expert, signed by the teacher, checked by the coordinator.</summary>
internal sealed partial class OperatorDesk
{
    /// <summary>
    /// Attaches a stored conclusion <paramref name="scan"/> with <paramref name="recommendation"/> at
    /// <paramref name="at"/>, then, when asked, the teacher's signed copy a day later and the coordinator's mark a day
    /// after that.
    /// </summary>
    public async Task ConcludeAsync(Guid id, AppUser expert, Conformity recommendation, DateTimeOffset at, byte[] scan,
        bool signed = false, (AppUser Coordinator, Conformity Mark)? verified = null)
    {
        var application = factory.Applications.Saved(id)
            .Concluded(recommendation, at, expert, scan)
            .SignedCopy(at.AddDays(1), scan);
        if (verified is { } check)
            application.By(check.Coordinator).Verified(check.Mark, at.AddDays(2));
        await application.AtAsync(verified is not null ? ApplicationStage.Verified
            : signed ? ApplicationStage.ConclusionSigned : ApplicationStage.ConclusionUploaded);
    }

    public Task<Application> LoadAsync(Guid id) => factory.Applications.LoadAsync(id);

    public Task<int> StoredFileCountAsync() => factory.Applications.StoredFileCountAsync();
}
