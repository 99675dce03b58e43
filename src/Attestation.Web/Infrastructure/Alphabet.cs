namespace Attestation.Web.Infrastructure;

/// <summary>The order of the Russian alphabet for names sorted in memory, as PostgreSQL's «ru-RU-x-icu» sorts them.</summary>
public static class Alphabet
{
    /// <summary>Russian, case aside: «г. Томск» before «Томский район», where the bytes put the capitals first.</summary>
    public static StringComparer Russian { get; } = StringComparer.Create(WebSetup.Russian, ignoreCase: true);
}
