using Attestation.Web.Data.ReadModel;

namespace Attestation.Web.Tests.Data;

/// <summary>The arithmetic of «Мониторинг»: medians from histograms, shares, months.</summary>
public sealed class MonitoringFiguresTests
{
    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value_and_of_an_even_one_the_mean_of_the_two()
    {
        Assert.Equal(4, MonitoringFigures.Median([new(4, 1), new(35, 1), new(2, 1)]));
        Assert.Equal(3.5, MonitoringFigures.Median([new(3, 1), new(35, 1), new(2, 1), new(4, 1)]));
        // 1, 1, 1, 10: the two middle values are both 1.
        Assert.Equal(1, MonitoringFigures.Median([new(10, 1), new(1, 3)]));
        Assert.Equal(5.5, MonitoringFigures.Median([new(5, 2), new(6, 2)]));
        Assert.Null(MonitoringFigures.Median([]));
        Assert.Null(MonitoringFigures.Median([new(7, 0)]));
    }

    [Fact]
    public void Histograms_merge_by_day_and_count_those_over_a_term()
    {
        var merged = MonitoringFigures.Merge([[new(3, 1), new(35, 1)], [new(3, 2)]]);
        Assert.Equal(4, MonitoringFigures.CountOf(merged));
        Assert.Equal(3, merged.Single(d => d.Days == 3).Count);
        Assert.Equal(1, MonitoringFigures.CountOver(merged, 30));
    }

    [Fact]
    public void A_share_is_in_per_cent_with_one_decimal_and_none_without_a_whole()
    {
        Assert.Equal(66.7, MonitoringFigures.Share(2, 3));
        Assert.Equal(80, MonitoringFigures.Share(4, 5));
        Assert.Null(MonitoringFigures.Share(0, 0));
        Assert.Equal(75, new ConsiderationCounts(6, 1, 1, 1).OnTimeShare);
        Assert.Equal(33.3, new ConclusionCounts(3, 1, 1, 1).InTimeShare(deadlinePassed: true));
        Assert.Equal(50, new ConclusionCounts(3, 1, 1, 1).InTimeShare(deadlinePassed: false));
    }

    [Fact]
    public void A_month_number_goes_back_to_its_month_and_its_russian_name()
    {
        var number = MonitoringFigures.MonthNumber(new DateOnly(2025, 9, 17));
        Assert.Equal(new DateOnly(2025, 9, 1), MonitoringFigures.MonthStart(number));
        Assert.Equal("сентябрь 2025", MonitoringFigures.MonthName(number));
        Assert.Equal(new DateOnly(2026, 1, 1), MonitoringFigures.MonthStart(number + 4));
    }
}
