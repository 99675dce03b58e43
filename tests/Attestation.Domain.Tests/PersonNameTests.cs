namespace Attestation.Domain.Tests;

public class PersonNameTests
{
    [Fact]
    public void Full_and_short_names_read_as_documents_print_them()
    {
        var name = new PersonName(" Пичугина ", "Олеся", "Владимировна");

        Assert.Equal("Пичугина Олеся Владимировна", name.FullName);
        Assert.Equal("Пичугина О. В.", name.ShortName);
    }

    [Fact]
    public void A_name_without_patronymic_has_no_trailing_parts()
    {
        var name = new PersonName("Смит", "Анна", "  ");

        Assert.Null(name.MiddleName);
        Assert.Equal("Смит Анна", name.FullName);
        Assert.Equal("Смит А.", name.ShortName);
    }

    [Theory]
    [InlineData("Пичугина", true)]
    [InlineData("Римский-Корсаков", true)]
    [InlineData("Али оглы", true)]
    [InlineData("Ёлкина", true)]
    [InlineData("Pichugina", false)]
    [InlineData("Пичугина1", false)]
    [InlineData("Пичугина-", false)]
    [InlineData("Пичugина", false)]
    public void Names_are_checked_for_Russian_letters(string word, bool expected)
    {
        Assert.Equal(expected, PersonName.IsRussianWord(word));
    }

    [Fact]
    public void A_name_in_Latin_letters_is_kept_but_flagged()
    {
        var name = new PersonName("Pichugina", "Olesya", null);

        Assert.False(name.IsInRussianLetters);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_last_name_is_refused(string lastName)
    {
        var error = Assert.Throws<DomainException>(() => new PersonName(lastName, "Олеся", null));

        Assert.Equal("Не заполнено поле «Фамилия».", error.Message);
    }
}
