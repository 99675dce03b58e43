using System.Text.RegularExpressions;
using Attestation.Domain.Names;

namespace Attestation.Domain.Tests.Names;

public class GenitiveCorrectionTests
{
    private static readonly PersonName Name = new("Калина", "Анна", "Петровна");

    [Fact]
    public void The_rules_decline_a_name_nobody_corrected()
    {
        Assert.Equal("Калиной Анны Петровны", Name.FullNameGenitiveWith(null));
    }

    [Fact]
    public void A_correction_written_for_the_name_replaces_the_rules()
    {
        var correction = new GenitiveCorrection("Калина Анна Петровна", "  Калины   Анны Петровны ");

        Assert.Equal("Калины Анны Петровны", correction.FullNameGenitive);
        Assert.Equal("Калины Анны Петровны", Name.FullNameGenitiveWith(correction));
    }

    [Fact]
    public void A_correction_written_for_an_earlier_name_is_not_used()
    {
        var correction = new GenitiveCorrection("Калина Анна Петровна", "Калины Анны Петровны");
        var married = new PersonName("Соколова", "Анна", "Петровна");

        Assert.False(correction.AppliesTo(married));
        Assert.Equal("Соколовой Анны Петровны", married.FullNameGenitiveWith(correction));
    }

    [Theory]
    [InlineData("Kalina Anna")]
    [InlineData("Калины Анны 1")]
    [InlineData("Калины, Анны")]
    [InlineData("Калины Анны-")]
    public void Only_Russian_words_with_spaces_and_hyphens_are_accepted(string genitive)
    {
        var error = Assert.Throws<DomainException>(() => new GenitiveCorrection("Калина Анна Петровна", genitive));

        Assert.Equal(GenitiveCorrection.InvalidMessage, error.Message);
    }

    [Fact]
    public void A_blank_or_too_long_correction_is_refused()
    {
        Assert.Throws<DomainException>(() => new GenitiveCorrection("Калина Анна Петровна", "  "));
        var tooLong = new string('а', GenitiveCorrection.MaxLength + 1);
        var error = Assert.Throws<DomainException>(() => new GenitiveCorrection("Калина Анна Петровна", tooLong));
        Assert.Contains(GenitiveCorrection.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_pair_with_a_half_missing_is_no_correction()
    {
        Assert.Null(GenitiveCorrection.From(null, "Калины Анны Петровны"));
        Assert.Null(GenitiveCorrection.From("Калина Анна Петровна", null));
        Assert.NotNull(GenitiveCorrection.From("Калина Анна Петровна", "Калины Анны Петровны"));
    }

    [Theory]
    [InlineData("  Калины   Анны Сергеевны ", true)]
    [InlineData("Ивановой-Петровой Анны", true)]
    [InlineData("Kalina Anna", false)]
    [InlineData("Калины Анны-", false)]
    [InlineData("Калины - Анны", false)]
    public void The_forms_check_agrees_with_the_domains(string typed, bool valid)
    {
        Assert.Equal(valid, Regex.IsMatch(typed, GenitiveCorrection.InputPattern));
        var accepted = Record.Exception(() => new GenitiveCorrection("Калина Анна Сергеевна", typed)) is null;
        Assert.Equal(valid, accepted);
    }
}
