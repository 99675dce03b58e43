using Microsoft.Playwright;

namespace Attestation.Browser.Tests.Pages;

/// <summary>The municipal coordinator's application card (/Municipality/Applications/Details): «Зарегистрировать».</summary>
public sealed class ApplicationRegistrationPage(IPage page)
{
    /// <summary>Opens the card; false when the portal has no such page.</summary>
    public async Task<bool> OpenAsync(Guid applicationId)
    {
        var response = await page.GotoAsync($"/Municipality/Applications/Details?id={applicationId}");
        return response is { Ok: true } && await page.Locator("#register").CountAsync() > 0;
    }

    /// <summary>«Зарегистрировать», and «Зарегистрировать, несмотря на предупреждения» when the rules warn about it.</summary>
    public async Task RegisterAsync()
    {
        await page.Locator("#register").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (await page.Locator("#register-confirmed").CountAsync() > 0)
        {
            await page.Locator("#register-confirmed").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
    }

    public ILocator StatusMessage => page.Locator("[role=status]");
}
