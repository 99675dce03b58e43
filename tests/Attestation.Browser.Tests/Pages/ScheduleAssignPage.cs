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
