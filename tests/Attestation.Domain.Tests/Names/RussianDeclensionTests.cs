using Attestation.Domain.Names;

namespace Attestation.Domain.Tests.Names;

public class RussianDeclensionTests
{
    [Theory]
    [InlineData("Иванова", "Мария", "Петровна", "Ивановой Марии Петровны")]
    [InlineData("Иванов", "Пётр", "Ильич", "Иванова Петра Ильича")]
    [InlineData("Пичугина", "Олеся", "Владимировна", "Пичугиной Олеси Владимировны")]
    [InlineData("Лебедев", "Лев", "Николаевич", "Лебедева Льва Николаевича")]
    [InlineData("Достоевский", "Фёдор", "Михайлович", "Достоевского Фёдора Михайловича")]
    [InlineData("Вяземская", "Ольга", "Сергеевна", "Вяземской Ольги Сергеевны")]
    [InlineData("Шевчук", "Анна", "Ильинична", "Шевчук Анны Ильиничны")]
    [InlineData("Шевчук", "Павел", "Андреевич", "Шевчука Павла Андреевича")]
    [InlineData("Шевченко", "Илья", "Кузьмич", "Шевченко Ильи Кузьмича")]
    [InlineData("Черных", "Любовь", "Никитична", "Черных Любови Никитичны")]
    [InlineData("Толстой", "Никита", "Игоревич", "Толстого Никиты Игоревича")]
    [InlineData("Римский-Корсаков", "Игорь", "Петрович", "Римского-Корсакова Игоря Петровича")]
    [InlineData("Иванова-Петрова", "Наталья", "Юрьевна", "Ивановой-Петровой Натальи Юрьевны")]
    [InlineData("Алиев", "Ильхам", "Гейдар оглы", "Алиева Ильхама Гейдар оглы")]
    [InlineData("Алиева", "Лейла", "Ильхам кызы", "Алиевой Лейлы Ильхам кызы")]
    public void A_full_name_is_put_in_the_genitive_part_by_part(string last, string first, string middle, string expected) =>
        Assert.Equal(expected, new PersonName(last, first, middle).FullNameGenitive);

    [Theory]
    // -ов/-ев/-ин/-ын: a man's take «-а», a woman's «-ой».
    [InlineData("Иванов", GrammaticalGender.Male, "Иванова")]
    [InlineData("Иванова", GrammaticalGender.Female, "Ивановой")]
    [InlineData("Лебедев", GrammaticalGender.Male, "Лебедева")]
    [InlineData("Лебедева", GrammaticalGender.Female, "Лебедевой")]
    [InlineData("Пугачёв", GrammaticalGender.Male, "Пугачёва")]
    [InlineData("Пугачёва", GrammaticalGender.Female, "Пугачёвой")]
    [InlineData("Пушкин", GrammaticalGender.Male, "Пушкина")]
    [InlineData("Пушкина", GrammaticalGender.Female, "Пушкиной")]
    [InlineData("Птицын", GrammaticalGender.Male, "Птицына")]
    [InlineData("Птицына", GrammaticalGender.Female, "Птицыной")]
    // Adjectival surnames.
    [InlineData("Достоевский", GrammaticalGender.Male, "Достоевского")]
    [InlineData("Вяземская", GrammaticalGender.Female, "Вяземской")]
    [InlineData("Троцкий", GrammaticalGender.Male, "Троцкого")]
    [InlineData("Трубецкая", GrammaticalGender.Female, "Трубецкой")]
    [InlineData("Трубецкой", GrammaticalGender.Male, "Трубецкого")]
    [InlineData("Толстой", GrammaticalGender.Male, "Толстого")]
    [InlineData("Толстая", GrammaticalGender.Female, "Толстой")]
    [InlineData("Белый", GrammaticalGender.Male, "Белого")]
    [InlineData("Горький", GrammaticalGender.Male, "Горького")]
    [InlineData("Долгий", GrammaticalGender.Male, "Долгого")]
    [InlineData("Крайний", GrammaticalGender.Male, "Крайнего")]
    [InlineData("Крайняя", GrammaticalGender.Female, "Крайней")]
    [InlineData("Рыжий", GrammaticalGender.Male, "Рыжего")]
    [InlineData("Рыжая", GrammaticalGender.Female, "Рыжей")]
    // A consonant: a man's surname declines, a woman's does not.
    [InlineData("Шевчук", GrammaticalGender.Male, "Шевчука")]
    [InlineData("Шевчук", GrammaticalGender.Female, "Шевчук")]
    [InlineData("Мельник", GrammaticalGender.Male, "Мельника")]
    [InlineData("Мельник", GrammaticalGender.Female, "Мельник")]
    [InlineData("Ильич", GrammaticalGender.Male, "Ильича")]
    [InlineData("Карпович", GrammaticalGender.Female, "Карпович")]
    [InlineData("Гоголь", GrammaticalGender.Male, "Гоголя")]
    [InlineData("Гоголь", GrammaticalGender.Female, "Гоголь")]
    [InlineData("Гайдай", GrammaticalGender.Male, "Гайдая")]
    [InlineData("Цой", GrammaticalGender.Male, "Цоя")]
    [InlineData("Цой", GrammaticalGender.Female, "Цой")]
    [InlineData("Лановой", GrammaticalGender.Male, "Ланового")]
    [InlineData("Ким", GrammaticalGender.Male, "Кима")]
    [InlineData("Ким", GrammaticalGender.Female, "Ким")]
    [InlineData("Шмидт", GrammaticalGender.Male, "Шмидта")]
    // Never declined: -ко/-енко, -их/-ых, -аго/-яго, -ово, foreign vowels.
    [InlineData("Шевченко", GrammaticalGender.Male, "Шевченко")]
    [InlineData("Шевченко", GrammaticalGender.Female, "Шевченко")]
    [InlineData("Бойко", GrammaticalGender.Male, "Бойко")]
    [InlineData("Черных", GrammaticalGender.Male, "Черных")]
    [InlineData("Черных", GrammaticalGender.Female, "Черных")]
    [InlineData("Долгих", GrammaticalGender.Male, "Долгих")]
    [InlineData("Живаго", GrammaticalGender.Male, "Живаго")]
    [InlineData("Дубяго", GrammaticalGender.Female, "Дубяго")]
    [InlineData("Дурново", GrammaticalGender.Male, "Дурново")]
    [InlineData("Шоу", GrammaticalGender.Male, "Шоу")]
    [InlineData("Камю", GrammaticalGender.Male, "Камю")]
    [InlineData("Ли", GrammaticalGender.Female, "Ли")]
    [InlineData("Гёте", GrammaticalGender.Male, "Гёте")]
    [InlineData("Руссо", GrammaticalGender.Male, "Руссо")]
    [InlineData("Моруа", GrammaticalGender.Male, "Моруа")]
    [InlineData("Гамсахурдиа", GrammaticalGender.Male, "Гамсахурдиа")]
    // Surnames that are nouns in -а / -я decline for either.
    [InlineData("Глинка", GrammaticalGender.Male, "Глинки")]
    [InlineData("Сковорода", GrammaticalGender.Male, "Сковороды")]
    [InlineData("Берия", GrammaticalGender.Male, "Берии")]
    [InlineData("Гарсия", GrammaticalGender.Female, "Гарсии")]
    public void Surnames_follow_their_ending_and_gender(string lastName, GrammaticalGender gender, string expected) =>
        Assert.Equal(expected, RussianDeclension.LastNameGenitive(lastName, gender));

    [Theory]
    [InlineData("Римский-Корсаков", GrammaticalGender.Male, "Римского-Корсакова")]
    [InlineData("Салтыков-Щедрин", GrammaticalGender.Male, "Салтыкова-Щедрина")]
    [InlineData("Иванова-Петрова", GrammaticalGender.Female, "Ивановой-Петровой")]
    [InlineData("Немирович-Данченко", GrammaticalGender.Male, "Немировича-Данченко")]
    [InlineData("Петрова-Шевчук", GrammaticalGender.Female, "Петровой-Шевчук")]
    [InlineData("Бонч-Бруевич", GrammaticalGender.Male, "Бонч-Бруевича")]
    [InlineData("Бонч-Бруевич", GrammaticalGender.Female, "Бонч-Бруевич")]
    [InlineData("фон Визин", GrammaticalGender.Male, "фон Визина")]
    public void Each_half_of_a_double_surname_that_is_a_surname_by_itself_declines(string lastName, GrammaticalGender gender, string expected) =>
        Assert.Equal(expected, RussianDeclension.LastNameGenitive(lastName, gender));

    [Theory]
    [InlineData("Мария", GrammaticalGender.Female, "Марии")]
    [InlineData("Ольга", GrammaticalGender.Female, "Ольги")]
    [InlineData("Анна", GrammaticalGender.Female, "Анны")]
    [InlineData("Наташа", GrammaticalGender.Female, "Наташи")]
    [InlineData("Наталья", GrammaticalGender.Female, "Натальи")]
    [InlineData("Зоя", GrammaticalGender.Female, "Зои")]
    [InlineData("Майя", GrammaticalGender.Female, "Майи")]
    [InlineData("Любовь", GrammaticalGender.Female, "Любови")]
    [InlineData("Нинель", GrammaticalGender.Female, "Нинели")]
    [InlineData("Кармен", GrammaticalGender.Female, "Кармен")]
    [InlineData("Илья", GrammaticalGender.Male, "Ильи")]
    [InlineData("Никита", GrammaticalGender.Male, "Никиты")]
    [InlineData("Лука", GrammaticalGender.Male, "Луки")]
    [InlineData("Игорь", GrammaticalGender.Male, "Игоря")]
    [InlineData("Андрей", GrammaticalGender.Male, "Андрея")]
    [InlineData("Юрий", GrammaticalGender.Male, "Юрия")]
    [InlineData("Николай", GrammaticalGender.Male, "Николая")]
    [InlineData("Иван", GrammaticalGender.Male, "Ивана")]
    [InlineData("Павел", GrammaticalGender.Male, "Павла")]
    [InlineData("Лев", GrammaticalGender.Male, "Льва")]
    [InlineData("Пётр", GrammaticalGender.Male, "Петра")]
    [InlineData("Петр", GrammaticalGender.Male, "Петра")]
    [InlineData("Анна-Мария", GrammaticalGender.Female, "Анны-Марии")]
    public void First_names_follow_their_ending_and_gender(string firstName, GrammaticalGender gender, string expected) =>
        Assert.Equal(expected, RussianDeclension.FirstNameGenitive(firstName, gender));

    [Theory]
    [InlineData("Петрович", "Петровича")]
    [InlineData("Сергеевич", "Сергеевича")]
    [InlineData("Ильич", "Ильича")]
    [InlineData("Кузьмич", "Кузьмича")]
    [InlineData("Петровна", "Петровны")]
    [InlineData("Сергеевна", "Сергеевны")]
    [InlineData("Ильинична", "Ильиничны")]
    [InlineData("Никитична", "Никитичны")]
    [InlineData("Гейдар оглы", "Гейдар оглы")]
    [InlineData("Али кызы", "Али кызы")]
    [InlineData("Гейдар-оглы", "Гейдар-оглы")]
    public void Patronymics_decline_by_their_suffix_and_Turkic_ones_stay(string middleName, string expected) =>
        Assert.Equal(expected, RussianDeclension.MiddleNameGenitive(middleName));

    [Theory]
    [InlineData("Владимировна", GrammaticalGender.Female)]
    [InlineData("Ильинична", GrammaticalGender.Female)]
    [InlineData("Али кызы", GrammaticalGender.Female)]
    [InlineData("Петрович", GrammaticalGender.Male)]
    [InlineData("Ильич", GrammaticalGender.Male)]
    [InlineData("Гейдар оглы", GrammaticalGender.Male)]
    [InlineData("  ", GrammaticalGender.Unknown)]
    [InlineData(null, GrammaticalGender.Unknown)]
    public void The_patronymic_tells_the_gender(string? middleName, GrammaticalGender expected) =>
        Assert.Equal(expected, RussianDeclension.GenderOf(middleName));

    [Theory]
    [InlineData("Анна", GrammaticalGender.Female)]
    [InlineData("Любовь", GrammaticalGender.Female)]
    [InlineData("Айгуль", GrammaticalGender.Female)]
    [InlineData("Иван", GrammaticalGender.Male)]
    [InlineData("Игорь", GrammaticalGender.Male)]
    [InlineData("Андрей", GrammaticalGender.Male)]
    [InlineData("Никита", GrammaticalGender.Male)]
    [InlineData("Илья", GrammaticalGender.Male)]
    [InlineData("Мики", GrammaticalGender.Unknown)]
    public void Without_a_patronymic_the_first_name_tells_the_gender(string firstName, GrammaticalGender expected) =>
        Assert.Equal(expected, RussianDeclension.GenderOf(firstName, null));

    [Fact]
    public void The_patronymic_outweighs_the_first_name() =>
        Assert.Equal(GrammaticalGender.Female, RussianDeclension.GenderOf("Саша", "Ивановна"));

    [Theory]
    [InlineData("Шевчук", "Анна", "Шевчук Анны")]
    [InlineData("Шевчук", "Иван", "Шевчука Ивана")]
    [InlineData("Смит", "Никита", "Смита Никиты")]
    public void A_name_without_a_patronymic_is_declined_by_the_first_names_gender(string last, string first, string expected) =>
        Assert.Equal(expected, new PersonName(last, first, null).FullNameGenitive);

    [Theory]
    [InlineData("Иванова", "Ивановой")]
    [InlineData("Иванов", "Иванова")]
    [InlineData("Вяземская", "Вяземской")]
    [InlineData("Достоевский", "Достоевского")]
    [InlineData("Шевчук", "Шевчук")]
    public void With_the_gender_unknown_only_a_surname_whose_form_shows_it_declines(string lastName, string expected) =>
        Assert.Equal(expected, RussianDeclension.LastNameGenitive(lastName, GrammaticalGender.Unknown));

    [Fact]
    public void Capitals_stay_capitals() =>
        Assert.Equal("ИВАНОВОЙ МАРИИ ПЕТРОВНЫ", new PersonName("ИВАНОВА", "МАРИЯ", "ПЕТРОВНА").FullNameGenitive);

    [Fact]
    public void A_name_with_a_yo_keeps_it() =>
        Assert.Equal("Королёвой Алёны Семёновны", new PersonName("Королёва", "Алёна", "Семёновна").FullNameGenitive);
}
