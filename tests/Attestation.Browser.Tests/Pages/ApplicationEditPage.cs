using Microsoft.Playwright;

namespace Attestation.Browser.Tests.Pages;

/// <summary>Page object of «Заявление о проведении аттестации» (the form).</summary>
public sealed class ApplicationEditPage(IPage page)
{
    public async Task OpenNewAsync() => await page.GotoAsync("/Teacher/Applications/Edit");

    public async Task FillAsync(string claimedCategory, string grounds)
    {
        await page.GetByLabel("Заявленная квалификационная категория").SelectOptionAsync(new SelectOptionValue { Label = claimedCategory });
        await page.GetByLabel("очно").CheckAsync();
        await page.GetByLabel("Образовательное учреждение").FillAsync("Томский государственный педагогический университет");
        await page.GetByLabel("Год окончания").FillAsync("2008");
        await page.GetByLabel("Специальность").FillAsync("математика");
        await page.GetByLabel("Квалификация").FillAsync("учитель математики");
        await page.GetByLabel("Педагогический стаж, лет").FillAsync("15");
        await page.GetByLabel("Стаж в данной должности, лет").FillAsync("12");
        await page.GetByLabel("Стаж в данной организации, лет").FillAsync("8");
        await page.GetByLabel("Основанием для аттестации", new() { Exact = false }).FillAsync(grounds);
        await page.GetByLabel("Даю согласие на обработку моих персональных данных в целях проведения аттестации").CheckAsync();
    }

    public async Task SaveDraftAsync() => await ClickAsync("Сохранить черновик");

    public async Task AttachAsync(string kind, string path)
    {
        await page.GetByLabel("Вид документа").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await page.GetByLabel("Файл (PDF, JPEG или PNG, до 20 МБ)").SetInputFilesAsync(path);
        await ClickAsync("Прикрепить");
    }

    public async Task SubmitAsync() => await ClickAsync("Подать заявление");

    public ILocator StatusMessage => page.Locator("[role=status]");

    private async Task ClickAsync(string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
