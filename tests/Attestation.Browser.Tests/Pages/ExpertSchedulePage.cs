using Microsoft.Playwright;

namespace Attestation.Browser.Tests.Pages;

/// <summary>Page object of the expert's home: «Индивидуальный график проведения аттестации».</summary>
public sealed class ExpertSchedulePage(IPage page)
{
    public async Task OpenAsync() => await page.GotoAsync("/Expert");

    /// <summary>The schedule's row of one attestee.</summary>
    public ILocator Row(Guid applicationId) => page.Locator($"table.schedule tr[data-application='{applicationId}']");

    public async Task OpenAttesteeAsync(Guid applicationId)
    {
        await Row(applicationId).Locator(".teacher a").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
