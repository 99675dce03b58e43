using Attestation.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Tests.Support;

/// <summary>Many applications at once: copies of one under new ids, in one statement.</summary>
public static class ApplicationCopies
{
    /// <summary>
    /// <paramref name="count"/> copies of the application <paramref name="id"/>, the n-th submitted n ×
    /// <paramref name="earlierBy"/> before it. Every column is copied but those PostgreSQL computes itself (the search name).
    /// </summary>
    public static async Task InsertAsync(AttestationDbContext db, Guid id, int count, TimeSpan earlierBy = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var written = await db.Database.SqlQueryRaw<string>("""
            SELECT quote_ident(column_name) AS "Value" FROM information_schema.columns
            WHERE table_name = 'Applications' AND is_generated = 'NEVER' ORDER BY ordinal_position
            """).ToListAsync();
        var seconds = earlierBy.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var copy = $"""
            INSERT INTO "Applications" ({string.Join(", ", written)})
            SELECT {string.Join(", ", written)} FROM (
                SELECT (jsonb_populate_record(NULL::"Applications", to_jsonb(a) || jsonb_build_object(
                    'Id', gen_random_uuid(),
                    'SubmittedAt', a."SubmittedAt" - n * interval '{seconds} seconds'))).*
                FROM "Applications" a, generate_series(1, {count}) AS n WHERE a."Id" = '{id}') AS copied
            """;
        await db.Database.ExecuteSqlRawAsync(copy);
    }
}
