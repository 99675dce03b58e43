using Attestation.Web.Areas.Operator.Pages.Control;

namespace Attestation.Web.Tests.Operator.Control;

public sealed class ControlNumbersTests
{
    [Fact]
    public void A_list_reads_the_count_at_its_place()
    {
        var numbers = new ControlNumbers([1, 2, 3, 4, 5, 6, 7]);

        Assert.Equal(1, numbers[ControlList.Waiting]);
        Assert.Equal(2, numbers[ControlList.ConsiderationOverdue]);
        Assert.Equal(5, numbers[ControlList.Scheduled]);
        Assert.Equal(7, numbers[ControlList.ConclusionsOverdue]);
    }

    [Fact]
    public void The_totals_add_each_list_over_the_lines()
    {
        var totals = ControlNumbers.Sum([
            new ControlNumbers([1, 0, 0, 2, 0, 0, 3]),
            ControlNumbers.None,
            new ControlNumbers([10, 20, 0, 0, 0, 0, 30]),
        ]);

        Assert.Equal([11, 20, 0, 2, 0, 0, 33], IndexModel.Columns.Select(list => totals[list]));
    }

    [Fact]
    public void Anything_counted_in_any_list_counts()
    {
        Assert.False(ControlNumbers.None.AnyCounted);
        Assert.False(new ControlNumbers(new int[7]).AnyCounted);
        Assert.True(new ControlNumbers([0, 0, 0, 0, 0, 0, 1]).AnyCounted);
    }

    [Fact]
    public void Counts_for_other_lists_than_the_table_has_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ControlNumbers([1, 2, 3]));
        Assert.Throws<ArgumentException>(() => new ControlNumbers(new int[IndexModel.Columns.Count + 1]));
    }
}
