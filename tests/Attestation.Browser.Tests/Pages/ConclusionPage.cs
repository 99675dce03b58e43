using Microsoft.Playwright;

namespace Attestation.Browser.Tests.Pages;

/// <summary>Page object of «Итоговое заключение»: the template to print and the upload of the signed scan.</summary>
public sealed class ConclusionPage(IPage page)
{
    /// <summary>Clicks «Скачать шаблон…» and returns the downloaded PDF.</summary>
    public async Task<byte[]> DownloadTemplateAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#template").ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path);
    }

    /// <param name="corresponds">«соответствует» when true, «не соответствует» otherwise.</param>
    public async Task UploadAsync(bool corresponds, string comment, string scanPath)
    {
        await page.Locator(corresponds ? "#recommendation-Corresponds" : "#recommendation-DoesNotCorrespond").CheckAsync();
        await page.GetByLabel("Комментарий (необязательно)").FillAsync(comment);
        await page.GetByLabel("Скан итогового заключения, подписанного аттестуемым и двумя специалистами").SetInputFilesAsync(scanPath);
        await page.Locator("#upload").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
