namespace Attestation.Domain.Periods;

/// <summary>The months as the regional documents name them: «сентябрь», «в сентябре».</summary>
public static class RussianMonths
{
    private static readonly string[] _nominative =
    [
        "январь", "февраль", "март", "апрель", "май", "июнь",
        "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
    ];

    private static readonly string[] _prepositional =
    [
        "январе", "феврале", "марте", "апреле", "мае", "июне",
        "июле", "августе", "сентябре", "октябре", "ноябре", "декабре",
    ];

    public static string Nominative(int month) => _nominative[month - 1];

    public static string Prepositional(int month) => _prepositional[month - 1];
}
