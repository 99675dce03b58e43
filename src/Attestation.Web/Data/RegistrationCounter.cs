using Microsoft.EntityFrameworkCore;

namespace Attestation.Web.Data;

/// <summary>
/// The last registration number handed out in a municipality in a year: «12/2026» is number 12 of 2026. The row is
/// the lock that serialises two coordinators registering at once; the unique index on the application's number is the
/// second line of defence.
/// </summary>
public sealed class RegistrationCounter
{
    public int MunicipalityId { get; set; }

    public int Year { get; set; }

    public int LastNumber { get; set; }
}

public static class RegistrationNumbers
{
    /// <summary>«12/2026», as the registration journal writes it.</summary>
    public static string Format(int number, int year) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{number}/{year}");

    /// <summary>
    /// Takes the next number of the municipality and year. Must run inside the transaction that saves the registration:
    /// the counter row stays locked until it commits, and a rollback (a conflict, an illegal transition) gives the
    /// number back, so the journal has no gaps. The first number of a year continues after any numbers already in the
    /// journal (demo data, an import), and so does every later one if such numbers appear.
    /// </summary>
    public static async Task<int> NextAsync(AttestationDbContext db, int municipalityId, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Take a registration number inside the transaction that saves the registration.");

        var pattern = $"^[0-9]{{1,9}}/{year}$";
        var numbers = await db.Database.SqlQuery<int>($"""
            INSERT INTO "RegistrationCounters" ("MunicipalityId", "Year", "LastNumber")
            VALUES ({municipalityId}, {year}, 1 + (
                SELECT COALESCE(MAX(split_part(a."RegistrationNumber", '/', 1)::integer), 0)
                FROM "Applications" AS a
                WHERE a."MunicipalityId" = {municipalityId} AND a."RegistrationNumber" ~ {pattern}))
            ON CONFLICT ("MunicipalityId", "Year") DO UPDATE
                SET "LastNumber" = GREATEST("RegistrationCounters"."LastNumber", EXCLUDED."LastNumber" - 1) + 1
            RETURNING "LastNumber" AS "Value"
            """).ToListAsync(ct);
        return numbers.Single();
    }
}
