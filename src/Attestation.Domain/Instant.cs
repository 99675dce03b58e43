namespace Attestation.Domain;

internal static class Instant
{
    // Npgsql stores timestamptz only from offset-zero values, and history reads best in one zone.
    public static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();
}
