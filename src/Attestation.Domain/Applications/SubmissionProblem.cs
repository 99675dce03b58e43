namespace Attestation.Domain.Applications;

/// <summary>
/// One thing that keeps an application from being submitted, as the checklist of the form reads it («не указан
/// педагогический стаж»), with the field it belongs to (an <see cref="ApplicationDetails"/> property's name), or none
/// for a missing document.
/// </summary>
public sealed record SubmissionProblem(string? Field, string Text)
{
    /// <summary>The same words as a sentence next to the field: «Не указан педагогический стаж.»</summary>
    public string Sentence => string.Concat(Text[..1].ToUpperInvariant(), Text.AsSpan(1), ".");
}
