namespace Attestation.Domain.Rules;

/// <summary>
/// A warning shown next to an application; the coordinator decides. <paramref name="Rule"/> names the source of the rule
/// so that nobody has to remember it, <paramref name="Message"/> says what is wrong with this application.
/// </summary>
/// <param name="Code">Stable, for tests, filters and statistics: see <see cref="RuleCodes"/>.</param>
public sealed record RuleWarning(string Code, string Rule, string Message);
