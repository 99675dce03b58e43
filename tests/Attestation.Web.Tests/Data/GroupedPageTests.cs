using Attestation.Web.Infrastructure;

namespace Attestation.Web.Tests.Data;

/// <summary>A page of a list sorted by group first, found from the groups' sizes: which groups it spans, from where.</summary>
public sealed class GroupedPageTests
{
    private static readonly IReadOnlyList<(string Key, int Count)> Groups = [("А", 30), ("Б", 0), ("В", 40), ("Г", 10)];

    [Theory]
    [InlineData(null, 1, "А,В", 0)]
    [InlineData(1, 1, "А,В", 0)]
    [InlineData(2, 2, "В,Г", 20)]
    [InlineData(99, 2, "В,Г", 20)]
    [InlineData(-3, 1, "А,В", 0)]
    public void The_page_spans_the_groups_its_rows_fall_in(int? asked, int page, string groups, int skipInFirst)
    {
        var spanned = GroupedPage.Of(Groups, asked);

        Assert.Equal((page, groups, skipInFirst, 80), (spanned.Page, string.Join(',', spanned.Groups), spanned.SkipInFirst, spanned.Total));
    }

    [Fact]
    public void A_page_that_starts_at_a_group_s_border_begins_with_that_group()
    {
        var spanned = GroupedPage.Of([("А", 50), ("Б", 50), ("В", 1)], 2);

        Assert.Equal(("Б", 0), (string.Join(',', spanned.Groups), spanned.SkipInFirst));
        Assert.Equal(3, GroupedPage.Of([("А", 50), ("Б", 50), ("В", 1)], 3).Page);
    }

    [Fact]
    public void No_rows_is_one_empty_page()
    {
        var spanned = GroupedPage.Of(Array.Empty<(int, int)>(), 5);

        Assert.Equal((1, 0, 0), (spanned.Page, spanned.Groups.Count, spanned.Total));
    }
}
