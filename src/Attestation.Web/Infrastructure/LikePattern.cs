namespace Attestation.Web.Infrastructure;

/// <summary>ILIKE patterns from what a user typed: his «%» and «_» are searched for, not wildcards.</summary>
public static class LikePattern
{
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>«%text%», escaped, with «ё» read as «е» (compare against a column folded the same way).</summary>
    public static string ContainsFolded(string text) => "%" + Escape(text.Trim().Replace('ё', 'е').Replace('Ё', 'Е')) + "%";

    /// <summary>«%text%», escaped, lowered, with «ё» read as «е» (compare with LIKE against a column stored the same way).</summary>
    public static string ContainsLowered(string text) => ContainsFolded(text.ToLowerInvariant());
}
