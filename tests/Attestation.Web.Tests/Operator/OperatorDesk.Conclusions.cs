using Attestation.Domain;
using Attestation.Domain.Applications;
using Attestation.Web.Authorization;
using Attestation.Web.Data;
using Attestation.Web.Storage;
using Microsoft.EntityFrameworkCore;

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
        await using var db = factory.OpenDb();
        var application = await db.Applications.SingleAsync(a => a.Id == id);
        var file = Store(db, "итоговое заключение.pdf", scan, expert.Id, at);
        application.AttachConclusion(file.Id, recommendation, null, new Actor(expert.Id, Roles.Expert), at);
        if (signed || verified is not null)
        {
            var signedAt = at.AddDays(1);
            var copy = Store(db, "подписанное заключение.pdf", scan, application.TeacherId, signedAt);
            application.SignConclusion(copy.Id, new Actor(application.TeacherId, Roles.Teacher), signedAt);
        }
        if (verified is { } check)
            application.Verify(check.Mark, new Actor(check.Coordinator.Id, Roles.MunicipalCoordinator), at.AddDays(2));
        await db.SaveChangesAsync();
    }

    public async Task<Application> LoadAsync(Guid id)
    {
        await using var db = factory.OpenDb();
        return await db.Applications.AsNoTracking().Include(a => a.Events).SingleAsync(a => a.Id == id);
    }

    public Task<int> StoredFileCountAsync() => CountAsync(db => db.StoredFiles);

    private static StoredFile Store(AttestationDbContext db, string name, byte[] content, Guid by, DateTimeOffset at)
    {
        var file = StoredFile.From(new ValidatedUpload(name, "application/pdf", content), by, at);
        db.StoredFiles.Add(file);
        return file;
    }
}
