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
    /// <param name="signedByAll">The scan bears all three signatures; otherwise the attestee signs it afterwards.</param>
    public async Task UploadAsync(bool corresponds, string comment, string scanPath, bool signedByAll = false)
    {
        await page.GetByLabel(signedByAll ? "Аттестуемый и оба специалиста" : "Только специалисты").CheckAsync();
        await page.Locator(corresponds ? "#recommendation-Corresponds" : "#recommendation-DoesNotCorrespond").CheckAsync();
        await page.GetByLabel("Комментарий (необязательно)").FillAsync(comment);
        await page.GetByLabel("Скан итогового заключения", new() { Exact = true }).SetInputFilesAsync(scanPath);
        // Uploaded before the period starts: the page asks to confirm it is meant.
        var early = page.GetByLabel("Период аттестации ещё не начался", new() { Exact = false });
        if (await early.CountAsync() > 0)
            await early.CheckAsync();
        await page.Locator("#upload").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
