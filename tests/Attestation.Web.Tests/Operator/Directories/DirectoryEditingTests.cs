using System.Net;
using Attestation.Domain.Directory;
using Attestation.Testing;
using Microsoft.EntityFrameworkCore;
using static Attestation.Web.Tests.Operator.OperatorDesk;
using MunicipalityEntity = Attestation.Domain.Directory.Municipality;

namespace Attestation.Web.Tests.Operator.Directories;

/// <summary>Municipalities, organisations, positions and subjects: created, changed, deactivated, deleted when unused.</summary>
public sealed class DirectoryEditingTests(PortalWithDirectoryFactory factory) : IClassFixture<PortalWithDirectoryFactory>
{
    private readonly OperatorDesk _desk = new(factory);

    private TestDirectory Directory => factory.Directory;

    private static readonly string[] UnorderedNames = ["МБОУ «Ёлочка»", "МБОУ «Ежевичка»", "МБОУ «Жаворонок»", "МБОУ «гимназия»"];

    [Fact]
    public async Task The_municipalities_come_a_page_at_a_time_in_the_alphabet_and_are_found_by_a_part_of_the_name()
    {
        await using (var db = factory.OpenDb())
        {
            // Added out of order: the list sorts them.
            db.Municipalities.AddRange(Enumerable.Range(1, 55).Reverse()
                .Select(n => new MunicipalityEntity($"Пагинский округ {n:D3}", n == 7 ? "ЗАТО Пагинск-7" : null)));
            await db.SaveChangesAsync();
        }
        using var client = await _desk.SignInOperatorAsync("dir.municipality.pages");

        var first = await client.GetDocumentAsync("/Operator/Directories/Municipalities?q=%D0%BF%D0%B0%D0%B3%D0%B8%D0%BD%D1%81%D0%BA%D0%B8%D0%B9");
        Assert.Equal("Найдено: 55", Text(first.QuerySelector("#found")!));
        var names = first.QuerySelectorAll("#municipalities tbody .name").Select(Text).ToList();
        Assert.Equal(Enumerable.Range(1, 25).Select(n => $"Пагинский округ {n:D3}"), names);
        var second = await client.GetDocumentAsync("/Operator/Directories/Municipalities?q=%D0%BF%D0%B0%D0%B3%D0%B8%D0%BD%D1%81%D0%BA%D0%B8%D0%B9&p=2");
        Assert.Equal(Enumerable.Range(26, 25).Select(n => $"Пагинский округ {n:D3}"),
            second.QuerySelectorAll("#municipalities tbody .name").Select(Text));
        var third = await client.GetDocumentAsync("/Operator/Directories/Municipalities?q=%D0%BF%D0%B0%D0%B3%D0%B8%D0%BD%D1%81%D0%BA%D0%B8%D0%B9&p=3");
        Assert.Equal(Enumerable.Range(51, 5).Select(n => $"Пагинский округ {n:D3}"),
            third.QuerySelectorAll("#municipalities tbody .name").Select(Text));

        // The short name is searched too; nothing found says so.
        var byShortName = await client.GetDocumentAsync("/Operator/Directories/Municipalities?q=%D0%9F%D0%B0%D0%B3%D0%B8%D0%BD%D1%81%D0%BA-7");
        Assert.Equal(["Пагинский округ 007"], byShortName.QuerySelectorAll("#municipalities tbody .name").Select(Text));
        var none = await client.GetDocumentAsync("/Operator/Directories/Municipalities?q=%25%D0%BD%D0%B5%D1%82");
        Assert.NotNull(none.QuerySelector("#empty"));
    }

    [Fact]
    public async Task The_organisations_are_listed_a_page_at_a_time_in_the_russian_alphabet()
    {
        int municipalityId;
        await using (var db = factory.OpenDb())
        {
            var municipality = new MunicipalityEntity("Парабельский район (страницы)");
            db.Municipalities.Add(municipality);
            await db.SaveChangesAsync();
            municipalityId = municipality.Id;
            // «Ёлочка» between «Е» and «Ж», «гимназия» among the «Г»: the Russian alphabet, not the byte order.
            foreach (var name in UnorderedNames.Concat(Enumerable.Range(1, 51).Select(i => $"МБОУ «Школа {i:D2}»")))
                db.Organisations.Add(new Organisation(municipalityId, name));
            await db.SaveChangesAsync();
        }
        using var client = await _desk.SignInOperatorAsync("dir.organisations.pages");

        var first = await client.GetDocumentAsync($"/Operator/Directories/Organisations?municipalityId={municipalityId}");
        var names = first.QuerySelectorAll("#organisations tbody tr").Select(r => Text(r.QuerySelectorAll("td")[1])).ToList();
        Assert.Equal(50, names.Count);
        Assert.Equal(["МБОУ «гимназия»", "МБОУ «Ежевичка»", "МБОУ «Ёлочка»", "МБОУ «Жаворонок»", "МБОУ «Школа 01»"], names.Take(5));
        Assert.Equal("Строки 1–50 из 55", Text(first.QuerySelector("#pager-range")!));
        Assert.Equal(municipalityId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            first.QuerySelector("#municipalityId option[selected]")?.GetAttribute("value"));
        var second = await client.GetDocumentAsync(first.QuerySelector("#pager-next")!.GetAttribute("href")!);
        Assert.Equal(["МБОУ «Школа 47»", "МБОУ «Школа 48»", "МБОУ «Школа 49»", "МБОУ «Школа 50»", "МБОУ «Школа 51»"],
            second.QuerySelectorAll("#organisations tbody tr").Select(r => Text(r.QuerySelectorAll("td")[1])));
    }

    /// <summary>
    /// The list and the counts of «Справочники» are read from the directories the instance holds for their version
    /// (DirectoryNameSnapshot): a change made by anyone, here a plain statement as an import or another instance would
    /// make, shows on the next page.
    /// </summary>
    [Fact]
    public async Task A_deactivation_by_anyone_shows_at_once_in_the_list_and_the_counts_and_the_short_name_is_searched()
    {
        int municipalityId, alphaId;
        await using (var db = factory.OpenDb())
        {
            var municipality = new MunicipalityEntity("Каргасокский район (отключения)");
            db.Municipalities.Add(municipality);
            await db.SaveChangesAsync();
            municipalityId = municipality.Id;
            var alpha = new Organisation(municipalityId, "МБОУ «Альфа»", "Альфа-школа");
            db.Organisations.AddRange(alpha, new Organisation(municipalityId, "МБОУ «Бета»"), new Organisation(municipalityId, "МБОУ «Гамма»"));
            await db.SaveChangesAsync();
            alphaId = alpha.Id;
        }
        using var client = await _desk.SignInOperatorAsync("dir.organisations.held");
        var url = $"/Operator/Directories/Organisations?municipalityId={municipalityId}";

        var before = await client.GetDocumentAsync(url);
        var countedBefore = OrganisationsCounted(await client.GetDocumentAsync("/Operator/Directories"));
        await using (var db = factory.OpenDb())
            await db.Database.ExecuteSqlAsync($"""UPDATE "Organisations" SET "IsActive" = FALSE WHERE "Id" = {alphaId}""");
        var after = await client.GetDocumentAsync(url);
        var countedAfter = OrganisationsCounted(await client.GetDocumentAsync("/Operator/Directories"));
        var searched = await client.GetDocumentAsync($"/Operator/Directories/Organisations?q={Uri.EscapeDataString("альфа-ШК")}");

        Assert.Equal(["МБОУ «Альфа»", "МБОУ «Бета»", "МБОУ «Гамма»"], Names(before));
        // Those in use first; the deactivated one after them, marked.
        Assert.Equal(["МБОУ «Бета»", "МБОУ «Гамма»", "МБОУ «Альфа»"], Names(after));
        Assert.Contains("отключена", Text(after.QuerySelector($"#organisations tr[data-id='{alphaId}']")!), StringComparison.Ordinal);
        Assert.Equal(countedBefore - 1, countedAfter);
        Assert.Equal(["МБОУ «Альфа»"], Names(searched));
        Assert.Equal("Каргасокский район (отключения)", Text(searched.QuerySelector("#organisations tbody td")!));

        static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("#organisations tbody tr").Select(r => Text(r.QuerySelectorAll("td")[1])).ToList();

        static int OrganisationsCounted(AngleSharp.Html.Dom.IHtmlDocument page) =>
            int.Parse(Text(page.QuerySelectorAll("#directories .badge")[1]), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_municipality_is_created_with_its_flags_and_listed_with_its_coordinators_and_their_work_phones()
    {
        using var client = await _desk.SignInOperatorAsync("dir.municipality.operator");

        using (var created = await client.SubmitFormAsync("/Operator/Directories/Municipalities/Edit", new Dictionary<string, string>
               {
                   ["Input.Name"] = "Закрытое административно-территориальное образование Северск",
                   ["Input.ShortName"] = "ЗАТО Северск",
                   ["Input.HandsConclusionsToSubjectGroup"] = "true",
               }, "form#edit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Equal("/Operator/Directories/Municipalities", created.RedirectPath());
        }
        MunicipalityEntity seversk;
        await using (var db = factory.OpenDb())
            seversk = await db.Municipalities.SingleAsync(m => m.ShortName == "ЗАТО Северск");
        Assert.True(seversk.HandsConclusionsToSubjectGroup);
        Assert.False(seversk.IsRegionalPseudo);
        Assert.True(seversk.IsActive);

        await _desk.CreateCoordinatorAsync("dir.municipality.coordinator", seversk.Id, "+7 3823 77-12-34");
        var list = await client.GetDocumentAsync("/Operator/Directories/Municipalities");
        Assert.Equal("Муниципальное образование «Закрытое административно-территориальное образование Северск» сохранено.", StatusMessage(list));
        var row = list.QuerySelector($"#municipalities tr[data-id='{seversk.Id}']")!;
        Assert.Equal("Координаторова Галина Петровна, тел. +7 3823 77-12-34, dir.municipality.coordinator@example.org",
            Text(row.QuerySelector(".coordinators")!));
        Assert.Contains("сдача заключений через руководителя предметной группы", Text(row), StringComparison.Ordinal);
        // The row's links, made once a page with a placeholder for the row's number: its organisations and its form.
        var links = row.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/Operator/Directories/Organisations?municipalityId={seversk.Id}", $"/Operator/Directories/Municipalities/Edit?id={seversk.Id}"], links);
        var form = await client.GetDocumentAsync(links[1]!);
        Assert.Equal("ЗАТО Северск", form.QuerySelector("input[name='Input.ShortName']")!.GetAttribute("value"));

        var tomskRow = list.QuerySelector($"#municipalities tr[data-id='{Directory.Tomsk.Id}']")!;
        Assert.Equal("координатор не назначен", Text(tomskRow.QuerySelector(".coordinators")!));
    }

    [Fact]
    public async Task A_municipality_is_renamed_and_a_duplicate_name_is_refused_in_russian()
    {
        await using (var db = factory.OpenDb())
        {
            db.Municipalities.Add(new MunicipalityEntity("Каргасокский район"));
            await db.SaveChangesAsync();
        }
        int id;
        await using (var db = factory.OpenDb())
            id = await db.Municipalities.Where(m => m.Name == "Каргасокский район").Select(m => m.Id).SingleAsync();
        using var client = await _desk.SignInOperatorAsync("dir.rename.operator");
        var url = $"/Operator/Directories/Municipalities/Edit?id={id}";

        using (var duplicate = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Name"] = "  томский   РАЙОН " }, "form#edit"))
        {
            Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
            Assert.Equal("Муниципальное образование «томский   РАЙОН» уже есть в справочнике.",
                (await duplicate.ReadDocumentAsync()).FieldError("Input.Name"));
        }

        using (var renamed = await client.SubmitFormAsync(url, new Dictionary<string, string>
               {
                   ["Input.Name"] = "Каргасокский муниципальный район",
                   ["Input.ShortName"] = "Каргасокский р-н",
               }, "form#edit"))
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        await using var check = factory.OpenDb();
        var saved = await check.Municipalities.SingleAsync(m => m.Id == id);
        Assert.Equal("Каргасокский муниципальный район", saved.Name);
        Assert.Equal("Каргасокский р-н", saved.ShortName);
    }

    [Fact]
    public async Task Two_operators_editing_one_organisation_never_overwrite_each_other_unseen()
    {
        Organisation school;
        await using (var db = factory.OpenDb())
        {
            school = new Organisation(Directory.District.Id, "МБОУ «Средняя общеобразовательная школа № 77»", "СОШ № 77");
            db.Organisations.Add(school);
            await db.SaveChangesAsync();
        }
        using var first = await _desk.SignInOperatorAsync("dir.race.first");
        using var second = await _desk.SignInOperatorAsync("dir.race.second");
        var url = $"/Operator/Directories/Organisations/Edit?id={school.Id}";
        var formFirst = await first.GetDocumentAsync(url);
        var formSecond = await second.GetDocumentAsync(url);

        using (var saved = await first.SubmitFormAsync(formFirst, url,
                   new Dictionary<string, string> { ["Input.Name"] = "МБОУ «СОШ № 77 имени Героя России А. Иванова»" }, "form#edit"))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The second operator read the form before: refused, his typing kept, the first one's name kept.
        using var refused = await second.SubmitFormAsync(formSecond, url,
            new Dictionary<string, string> { ["Input.ShortName"] = "Школа № 77" }, "form#edit");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        Assert.Contains("изменили, пока вы её редактировали", page.QuerySelector("form#edit .validation-summary-errors")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal("Школа № 77", page.FieldValue("Input.ShortName"));
        await using (var db = factory.OpenDb())
        {
            var stored = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == school.Id);
            Assert.Equal("МБОУ «СОШ № 77 имени Героя России А. Иванова»", stored.Name);
            Assert.Equal("СОШ № 77", stored.ShortName);
        }

        // Sent again from the page that told him, the save is his conscious choice.
        using (var again = await second.SubmitFormAsync(page, url, new Dictionary<string, string>(), "form#edit"))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using (var db = factory.OpenDb())
            Assert.Equal("Школа № 77", (await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == school.Id)).ShortName);
    }

    [Theory]
    [InlineData("Positions", "Педагог-организатор", "Педагог-организатор (старший)", "Педагог-организатор (ведущий)")]
    [InlineData("Subjects", "астрономии", "астрономии и физики", "астрономии (углублённо)")]
    [InlineData("Municipalities", "Зырянский район", "Зырянский муниципальный район", "Зырянский район Томской области")]
    public async Task Two_operators_editing_one_entry_never_overwrite_each_other_unseen(string kind, string name, string first, string second)
    {
        IDirectoryEntry entry = kind switch
        {
            "Positions" => new Position(name),
            "Subjects" => new Subject(name),
            _ => new MunicipalityEntity(name),
        };
        await using (var db = factory.OpenDb())
        {
            db.Add(entry);
            await db.SaveChangesAsync();
        }
        var id = entry.Id;
        using var early = await _desk.SignInOperatorAsync($"dir.{kind}.early");
        using var late = await _desk.SignInOperatorAsync($"dir.{kind}.late");
        var url = $"/Operator/Directories/{kind}/Edit?id={id}";
        var stale = await early.GetDocumentAsync(url);

        using (var saved = await late.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Name"] = first }, "form#edit"))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var refused = await early.SubmitFormAsync(stale, url, new Dictionary<string, string> { ["Input.Name"] = second }, "form#edit");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        Assert.Contains("изменили, пока вы её редактировали", page.QuerySelector("form#edit .validation-summary-errors")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(second, page.FieldValue("Input.Name"));
        Assert.Equal(first, await StoredNameAsync(kind, id));

        using (var again = await early.SubmitFormAsync(page, url, new Dictionary<string, string>(), "form#edit"))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(second, await StoredNameAsync(kind, id));
    }

    private async Task<string> StoredNameAsync(string kind, int id)
    {
        await using var db = factory.OpenDb();
        return kind switch
        {
            "Positions" => (await db.Positions.AsNoTracking().SingleAsync(p => p.Id == id)).Name,
            "Subjects" => (await db.Subjects.AsNoTracking().SingleAsync(s => s.Id == id)).Name,
            _ => (await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == id)).Name,
        };
    }

    [Fact]
    public async Task A_deactivated_organisation_disappears_from_the_registration_list_and_comes_back_when_activated()
    {
        using var client = await _desk.SignInOperatorAsync("dir.org.operator");
        using (var created = await client.SubmitFormAsync($"/Operator/Directories/Organisations/Edit?municipalityId={Directory.Tomsk.Id}",
                   new Dictionary<string, string>
                   {
                       ["Input.Name"] = "ОГБПОУ «Томский техникум информационных технологий»",
                       ["Input.ShortName"] = "ТТИТ",
                       ["Input.IsVocational"] = "true",
                   }, "form#edit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Equal($"/Operator/Directories/Organisations?municipalityId={Directory.Tomsk.Id}", created.RedirectPath());
        }
        Organisation college;
        await using (var db = factory.OpenDb())
            college = await db.Organisations.SingleAsync(o => o.ShortName == "ТТИТ");
        Assert.True(college.IsVocational);
        Assert.Equal(Directory.Tomsk.Id, college.MunicipalityId);
        Assert.Contains(college.Name, await RegistrationOrganisationsAsync(Directory.Tomsk.Id));

        var editUrl = $"/Operator/Directories/Organisations/Edit?id={college.Id}";
        using (var deactivated = await client.SubmitFormAsync(editUrl, new Dictionary<string, string>(), "form#deactivate"))
            Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);

        Assert.DoesNotContain(college.Name, await RegistrationOrganisationsAsync(Directory.Tomsk.Id));
        Assert.Contains(Directory.Lyceum.Name, await RegistrationOrganisationsAsync(Directory.Tomsk.Id));
        var page = await client.GetDocumentAsync(editUrl);
        Assert.StartsWith("Организация «ОГБПОУ «Томский техникум информационных технологий»» отключена", StatusMessage(page), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#inactive"));

        using (var activated = await client.SubmitFormAsync(editUrl, new Dictionary<string, string>(), "form#activate"))
            Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        Assert.Contains(college.Name, await RegistrationOrganisationsAsync(Directory.Tomsk.Id));
    }

    [Fact]
    public async Task An_organisation_name_is_unique_within_its_municipality_only()
    {
        using var client = await _desk.SignInOperatorAsync("dir.orgname.operator");
        var url = $"/Operator/Directories/Organisations/Edit?municipalityId={Directory.District.Id}";

        // The same name in the same municipality is the organisation already there: the form lands on it, adds nothing.
        using (var duplicate = await client.SubmitFormAsync(url,
                   new Dictionary<string, string> { ["Input.Name"] = "мбоу «корниловская сош» томского района" }, "form#edit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, duplicate.StatusCode);
            Assert.Equal($"/Operator/Directories/Organisations?municipalityId={Directory.District.Id}", duplicate.Headers.Location!.OriginalString);
            Assert.Equal("Организация «МБОУ «Корниловская СОШ» Томского района» уже есть в справочнике этого муниципального образования: новая запись не создана.",
                StatusMessage(await client.GetDocumentAsync(duplicate.Headers.Location!.OriginalString)));
        }
        Assert.Equal(1, await _desk.CountAsync(db => db.Organisations.Where(o => o.MunicipalityId == Directory.District.Id
            && o.Name == "МБОУ «Корниловская СОШ» Томского района")));

        // The same name in another municipality is another school.
        using (var elsewhere = await client.SubmitFormAsync(url, new Dictionary<string, string>
               {
                   ["Input.MunicipalityId"] = Number(Directory.Tomsk.Id),
                   ["Input.Name"] = "МБОУ «Корниловская СОШ» Томского района",
               }, "form#edit"))
            Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal(2, await _desk.CountAsync(db => db.Organisations.Where(o => o.Name == "МБОУ «Корниловская СОШ» Томского района")));
    }

    [Fact]
    public async Task Ten_identical_posts_of_a_new_organisation_create_one()
    {
        using var client = await _desk.SignInOperatorAsync("dir.orgrace.operator");
        var url = $"/Operator/Directories/Organisations/Edit?municipalityId={Directory.District.Id}";
        var form = await client.GetDocumentAsync(url);
        var values = new Dictionary<string, string> { ["Input.Name"] = "МБОУ «Зональненская СОШ» Томского района" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.SubmitFormAsync(form, url, values, "form#edit")));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode));
        foreach (var answer in answers)
            answer.Dispose();
        Assert.Equal(1, await _desk.CountAsync(db => db.Organisations.Where(o => o.Name == "МБОУ «Зональненская СОШ» Томского района")));
    }

    [Fact]
    public async Task An_unused_organisation_is_deleted_and_one_a_teacher_works_in_can_only_be_deactivated()
    {
        Organisation unused, used;
        await using (var db = factory.OpenDb())
        {
            unused = new Organisation(Directory.District.Id, "МБОУ «Ошибочная СОШ»");
            used = new Organisation(Directory.District.Id, "МБОУ «Богашёвская СОШ»");
            db.Organisations.AddRange(unused, used);
            await db.SaveChangesAsync();
        }
        await _desk.CreateTeacherAsync("dir.delete.teacher", Directory.District.Id, used.Id);
        using var client = await _desk.SignInOperatorAsync("dir.delete.operator");

        using (var deleted = await client.SubmitFormAsync($"/Operator/Directories/Organisations/Edit?id={unused.Id}",
                   new Dictionary<string, string>(), "form#delete"))
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await _desk.CountAsync(db => db.Organisations.Where(o => o.Id == unused.Id)));

        var usedUrl = $"/Operator/Directories/Organisations/Edit?id={used.Id}";
        var page = await client.GetDocumentAsync(usedUrl);
        Assert.Null(page.QuerySelector("form#delete"));
        Assert.Equal("Используется: пользователей: 1. Удалить нельзя, можно отключить.", Text(page.QuerySelector("#usage")!));

        using (var forced = await client.PostFormToAsync(page, $"{usedUrl}&handler=Delete", new Dictionary<string, string>(),
                   formSelector: "form#deactivate"))
            Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        page = await client.GetDocumentAsync(usedUrl);
        Assert.Equal("Организацию «МБОУ «Богашёвская СОШ»» нельзя удалить: на неё ссылаются пользователей: 1. Её можно только отключить.",
            StatusMessage(page));
        Assert.Equal(1, await _desk.CountAsync(db => db.Organisations.Where(o => o.Id == used.Id)));
    }

    [Fact]
    public async Task Positions_and_subjects_are_added_renamed_deactivated_and_deleted_while_unused()
    {
        using var client = await _desk.SignInOperatorAsync("dir.positions.operator");

        using (var added = await client.SubmitFormAsync("/Operator/Directories/Positions",
                   new Dictionary<string, string> { ["Input.Name"] = "Преподаватель", ["Input.IsVocational"] = "true" }, "form#create"))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        using (var duplicate = await client.SubmitFormAsync("/Operator/Directories/Positions",
                   new Dictionary<string, string> { ["Input.Name"] = "учитель" }, "form#create"))
            Assert.Equal("Должность «учитель» уже есть в справочнике.", (await duplicate.ReadDocumentAsync()).FieldError("Input.Name"));
        Position lecturer;
        await using (var db = factory.OpenDb())
            lecturer = await db.Positions.SingleAsync(p => p.Name == "Преподаватель");
        Assert.True(lecturer.IsVocational);
        Assert.False(lecturer.IsMethodist);

        var positionUrl = $"/Operator/Directories/Positions/Edit?id={lecturer.Id}";
        using (var renamed = await client.SubmitFormAsync(positionUrl,
                   new Dictionary<string, string> { ["Input.Name"] = "Преподаватель СПО" }, "form#edit"))
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        using (var deactivated = await client.SubmitFormAsync(positionUrl, new Dictionary<string, string>(), "form#deactivate"))
            Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        await using (var db = factory.OpenDb())
        {
            var saved = await db.Positions.SingleAsync(p => p.Id == lecturer.Id);
            Assert.Equal("Преподаватель СПО", saved.Name);
            Assert.True(saved.IsVocational);
            Assert.False(saved.IsActive);
        }
        Assert.DoesNotContain("Преподаватель СПО", await RegistrationListAsync("Input.PositionId"));
        using (var deleted = await client.SubmitFormAsync(positionUrl, new Dictionary<string, string>(), "form#delete"))
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await _desk.CountAsync(db => db.Positions.Where(p => p.Id == lecturer.Id)));

        // A subject the directory's teachers and applications use: deactivated, never deleted.
        await _desk.CreateTeacherAsync("dir.subject.teacher", Directory.Tomsk.Id, Directory.Lyceum.Id);
        await using (var db = factory.OpenDb())
        {
            var teacher = await db.Users.SingleAsync(u => u.UserName == "dir.subject.teacher");
            teacher.SubjectId = Directory.Physics.Id;
            await db.SaveChangesAsync();
        }
        var subjectUrl = $"/Operator/Directories/Subjects/Edit?id={Directory.Physics.Id}";
        var subjectPage = await client.GetDocumentAsync(subjectUrl);
        Assert.Null(subjectPage.QuerySelector("form#delete"));
        using (var deactivated = await client.SubmitFormAsync(subjectPage, subjectUrl, new Dictionary<string, string>(), "form#deactivate"))
            Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.DoesNotContain("физики", await RegistrationListAsync("Input.SubjectId"));
        Assert.Contains("математики", await RegistrationListAsync("Input.SubjectId"));

        using (var subject = await client.SubmitFormAsync("/Operator/Directories/Subjects",
                   new Dictionary<string, string> { ["Input.Name"] = "информатики и ИКТ" }, "form#create"))
            Assert.Equal(HttpStatusCode.Redirect, subject.StatusCode);
        Assert.Contains("информатики и ИКТ", await RegistrationListAsync("Input.SubjectId"));
    }

    /// <summary>The organisations the public registration form offers once the municipality is chosen.</summary>
    private async Task<IReadOnlyList<string>> RegistrationOrganisationsAsync(int municipalityId)
    {
        using var anonymous = factory.CreatePortalClient();
        using var response = await anonymous.SubmitFormAsync("/Account/Register",
            new Dictionary<string, string> { ["Input.MunicipalityId"] = Number(municipalityId) }, submitter: "choose-municipality");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadDocumentAsync()).Options("Input.OrganisationId").Select(o => o.Text).ToList();
    }

    private async Task<IReadOnlyList<string>> RegistrationListAsync(string select)
    {
        using var anonymous = factory.CreatePortalClient();
        var page = await anonymous.GetDocumentAsync("/Account/Register");
        return page.Options(select).Select(o => o.Text).ToList();
    }
}
