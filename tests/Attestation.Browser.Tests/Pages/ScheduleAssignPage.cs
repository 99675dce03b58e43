using Microsoft.Playwright;

namespace Attestation.Browser.Tests.Pages;

/// <summary>Page object of «Заполнение графика аттестации» (a period and two experts).</summary>
public sealed class ScheduleAssignPage(IPage page)
{
    public ILocator Period => page.Locator("#period");

    public ILocator FirstExpert => page.Locator("#expert-a");

    public ILocator SecondExpert => page.Locator("#expert-b");

    /// <summary>The experts in the suggested order, as the list offers them (the «не назначен» line left out).</summary>
    public async Task<IReadOnlyList<string>> OfferedExpertsAsync() =>
        (await FirstExpert.Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)"))
            .Where(value => value.Length > 0)
            .ToList();

    /// <summary>
    /// How many pixels the longest option of <paramref name="select"/> needs beyond the room the closed list gives its
    /// text (zero or less: every option reads whole).
    /// </summary>
    public static Task<double> OptionOverflowAsync(ILocator select) =>
        select.EvaluateAsync<double>("""
            select => {
                const style = getComputedStyle(select);
                const context = document.createElement('canvas').getContext('2d');
                context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
                const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                return Math.max(...[...select.options].map(o => context.measureText(o.text).width)) - room;
            }
            """);

    public async Task ChooseExpertsAsync(string first, string second)
    {
        await FirstExpert.SelectOptionAsync(first);
        await SecondExpert.SelectOptionAsync(second);
    }

    public async Task SaveAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
