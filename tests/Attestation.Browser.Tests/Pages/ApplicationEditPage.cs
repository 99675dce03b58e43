using Microsoft.Playwright;

namespace Attestation.Browser.Tests.Pages;

/// <summary>Page object of «Заявление о проведении аттестации» (the form).</summary>
public sealed class ApplicationEditPage(IPage page, Person? person = null)
{
    private readonly Person _person = person ?? Person.Mouse;

    public async Task OpenNewAsync() => await page.GotoAsync("/Teacher/Applications/Edit");

    public async Task FillAsync(string claimedCategory, string grounds)
    {
        await _person.SelectAsync(page.GetByLabel("Заявленная квалификационная категория"), claimedCategory);
        await _person.CheckAsync(page.GetByLabel("очно", new() { Exact = true }));
        await _person.FillAsync(page.GetByLabel("Образовательное учреждение"), "Томский государственный педагогический университет");
        await _person.FillAsync(page.GetByLabel("Год окончания"), "2008");
        await _person.FillAsync(page.GetByLabel("Специальность"), "математика");
        await _person.FillAsync(page.GetByLabel("Квалификация"), "учитель математики");
        await _person.FillAsync(page.GetByLabel("Педагогический стаж, лет"), "15");
        await _person.FillAsync(page.GetByLabel("Стаж в данной должности, лет"), "12");
        await _person.FillAsync(page.GetByLabel("Стаж в данной организации, лет"), "8");
        await _person.FillAsync(page.GetByLabel("Основанием для аттестации", new() { Exact = false }), grounds);
        await _person.CheckAsync(page.GetByLabel("Даю согласие на обработку моих персональных данных в целях проведения аттестации"));
    }

    public async Task SaveDraftAsync() => await ClickAsync("Сохранить черновик");

    public async Task AttachAsync(string kind, string path)
    {
        await _person.SelectAsync(page.GetByLabel("Вид документа"), kind);
        await _person.AttachAsync(page.GetByLabel("Файл (PDF, JPEG или PNG, до 20 МБ)"), path);
        await ClickAsync("Прикрепить");
    }

    public async Task SubmitAsync() => await ClickAsync("Подать заявление");

    public ILocator StatusMessage => page.Locator("[role=status]");

    private async Task ClickAsync(string button)
    {
        await _person.ActivateAsync(page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
