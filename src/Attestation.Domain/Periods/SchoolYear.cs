using System.Globalization;

namespace Attestation.Domain.Periods;

/// <summary>«Учебный год» 1 September – 31 August, shown as «2025/2026».</summary>
public readonly record struct SchoolYear
{
    public const int FirstMonth = 9;
    public const int MinStartYear = 2000;
    public const int MaxStartYear = 2100;

    public SchoolYear(int startYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startYear, MinStartYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startYear, MaxStartYear);
        StartYear = startYear;
    }

    public int StartYear { get; }

    public int EndYear => StartYear + 1;

    public DateOnly FirstDay => new(StartYear, FirstMonth, 1);

    public DateOnly LastDay => new DateOnly(EndYear, FirstMonth, 1).AddDays(-1);

    public static SchoolYear Containing(DateOnly date) =>
        new(date.Month >= FirstMonth ? date.Year : date.Year - 1);

    /// <summary>Accepts «2025/2026» (the display form) and «2025».</summary>
    public static bool TryParse(string? text, out SchoolYear year)
    {
        year = default;
        var parts = text?.Trim().Split('/', StringSplitOptions.TrimEntries);
        if (parts is null || parts.Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || start is < MinStartYear or > MaxStartYear)
        {
            return false;
        }

        if (parts.Length == 2
            && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end) || end != start + 1))
        {
            return false;
        }

        year = new SchoolYear(start);
        return true;
    }

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    public SchoolYear Following() => new(StartYear + 1);

    public SchoolYear Preceding() => new(StartYear - 1);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StartYear}/{EndYear}");
}
