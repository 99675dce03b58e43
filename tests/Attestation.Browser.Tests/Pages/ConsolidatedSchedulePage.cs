using Microsoft.Playwright;

namespace Attestation.Browser.Tests.Pages;

/// <summary>Page object of the operator's «Сводный график».</summary>
public sealed class ConsolidatedSchedulePage(IPage page)
{
    public ILocator StatusMessage => page.Locator("[role=status]");

    /// <summary>Opens the page and chooses the period in the list, as the operator does.</summary>
    public async Task OpenAsync(Guid periodId)
    {
        await page.GotoAsync("/Operator/Schedule");
        await page.Locator("#period").SelectOptionAsync(new SelectOptionValue { Value = periodId.ToString() });
        // The script submits the filter on change; without it the button does.
        if (!page.Url.Contains(periodId.ToString(), StringComparison.Ordinal))
            await page.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Shows one municipality's rows: its name in the summary is a link to them.</summary>
    public async Task OpenMunicipalityAsync(int municipalityId)
    {
        await Municipality(municipalityId).Locator("a.open-schedule").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>The summary row of a municipality: its counts and its approval.</summary>
    public ILocator Municipality(int municipalityId) => page.Locator($"#municipalities tr[data-municipality='{municipalityId}']");

    /// <summary>The schedule's row of one attestee.</summary>
    public ILocator Row(Guid applicationId) => page.Locator($"section.municipality tr[data-application='{applicationId}']");

    /// <summary>«Утвердить» of one municipality.</summary>
    public async Task ApproveAsync(int municipalityId)
    {
        await Municipality(municipalityId).GetByRole(AriaRole.Button, new() { Name = "Утвердить" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Clicks a download link and returns the file's bytes.</summary>
    public async Task<byte[]> DownloadAsync(string linkId)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"#{linkId}").ClickAsync());
        return await File.ReadAllBytesAsync(await download.PathAsync());
    }
}
