using Attestation.Domain.Applications;

namespace Attestation.Web.Applications;

public static class ApplicationFiles
{
    /// <summary>Every stored file an application refers to: whoever may see the application may download these.</summary>
    public static IReadOnlySet<Guid> FileIds(this Application application)
    {
        var ids = application.Documents.Select(d => d.FileId).ToHashSet();
        if (application.Conclusion is { } conclusion)
        {
            ids.Add(conclusion.FileId);
            if (conclusion.SignedFileId is { } signed)
                ids.Add(signed);
        }
        if (application.Withdrawal?.DocumentFileId is { } withdrawal)
            ids.Add(withdrawal);
        // Files the history keeps: a replaced conclusion (when the events are loaded).
        foreach (var @event in application.Events)
        {
            if (@event.FileId is { } kept)
                ids.Add(kept);
        }
        return ids;
    }
}
