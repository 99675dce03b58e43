using Microsoft.Playwright;

namespace Attestation.Browser.Tests.Pages;

/// <summary>Page object of the attestee's file: the application, the documents, the conclusion and the procedure checklist.</summary>
public sealed class AttesteePage(IPage page)
{
    public ILocator Heading => page.Locator("h1");

    public ILocator StatusMessage => page.Locator("[role=status]");

    public ILocator Recommendation => page.Locator("#recommendation");

    public ILocator Step(string code) => page.Locator($"#step-{code}");

    public async Task TickAsync(string code)
    {
        await page.Locator($"#tick-{code}").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public async Task OpenConclusionAsync()
    {
        await page.Locator("#conclusion-link").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
