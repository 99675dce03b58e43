namespace Attestation.Web.Areas.Operator.Pages.Control;

/// <summary>
/// The numbers of one line of the control table (a municipality's or the region's totals), by <see cref="ControlList"/>:
/// the counts as they were read, in the lists' order, without a dictionary a line (a country's table has 280 lines).
/// </summary>
public sealed class ControlNumbers
{
    private readonly int[] _counts;

    /// <param name="counts">A count a list, in the order of <see cref="ControlList"/>.</param>
    public ControlNumbers(int[] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Length != IndexModel.Columns.Count)
            throw new ArgumentException($"{IndexModel.Columns.Count} counts expected, {counts.Length} given.", nameof(counts));
        _counts = counts;
    }

    /// <summary>Nothing in any list.</summary>
    public static ControlNumbers None { get; } = new(new int[IndexModel.Columns.Count]);

    public int this[ControlList list] => _counts[(int)list];

    /// <summary>Something in at least one list.</summary>
    public bool AnyCounted => Array.Exists(_counts, c => c > 0);

    /// <summary>The lines' numbers added up, list by list.</summary>
    public static ControlNumbers Sum(IEnumerable<ControlNumbers> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var sums = new int[IndexModel.Columns.Count];
        foreach (var line in lines)
        {
            for (var i = 0; i < sums.Length; i++)
                sums[i] += line._counts[i];
        }
        return new ControlNumbers(sums);
    }
}
