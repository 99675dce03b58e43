using Microsoft.Playwright;

namespace Attestation.Browser.Tests.Pages;

/// <summary>Page object of «Общий список педагогических работников для формирования графика проведения аттестации».</summary>
public sealed class ScheduleFillPage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("/Municipality/Schedule/Fill");

    public async Task FilterWithoutPeriodAsync()
    {
        await page.GetByLabel("Выберите период аттестации").SelectOptionAsync(new SelectOptionValue { Label = "Без назначенного периода аттестации" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Фильтровать" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public ILocator Row(Guid applicationId) => page.Locator($"#applications tr[data-id='{applicationId}']");

    public async Task AssignAsync(Guid applicationId)
    {
        await Row(applicationId).GetByRole(AriaRole.Link, new() { Name = "Назначить" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public ILocator StatusMessage => page.Locator("[role=status]");
}
