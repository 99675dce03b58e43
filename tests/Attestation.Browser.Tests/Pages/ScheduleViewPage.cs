using Microsoft.Playwright;

namespace Attestation.Browser.Tests.Pages;

/// <summary>Page object of «Просмотр графика проведения аттестации».</summary>
public sealed class ScheduleViewPage(IPage page)
{
    public async Task OpenAsync(string periodName)
    {
        await page.GotoAsync("/Municipality/Schedule/View");
        await page.GetByLabel("Выберите период аттестации для фильтрации").SelectOptionAsync(new SelectOptionValue { Label = periodName });
        // The script submits the filter on change; without it the button does.
        await page.GetByRole(AriaRole.Button, new() { Name = "Фильтр" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public ILocator Schedule => page.Locator("#schedule");

    public ILocator NotApproved => page.Locator("#not-approved");

    /// <summary>Clicks a download link of the unapproved schedule and returns the file's name and bytes.</summary>
    public async Task<(string FileName, byte[] Content)> DownloadAsync(string linkId)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"#{linkId}").ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(path));
    }
}
