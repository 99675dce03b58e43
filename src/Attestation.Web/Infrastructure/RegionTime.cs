using Attestation.Domain;
using Microsoft.Extensions.Options;

namespace Attestation.Web.Infrastructure;

public sealed class RegionOptions
{
    public const string Section = "Region";

    /// <summary>The region's time zone: every deadline («до 12 числа») is a date in it.</summary>
    public string TimeZone { get; set; } = "Asia/Tomsk";

    public string Name { get; set; } = "Томская область";
}

/// <summary>The clock of the region: instants from <see cref="TimeProvider"/>, dates in the region's time zone.</summary>
public sealed class RegionTime(TimeProvider time, IOptions<RegionOptions> options)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => RegionClock.Today(time.GetUtcNow(), Zone);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
