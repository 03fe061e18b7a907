using System.Globalization;

namespace AiEtl.IntegrationTests.Crash;

/// <summary>
/// One customer as the oracle and the read-back compare it: every field in one normal text form, so a row read from
/// SQLite, PostgreSQL, JSON Lines or CSV equals the row generated into the input exactly when its values are equal.
/// </summary>
internal readonly record struct CustomerRow(int Id, string Name, string Email, int Age, DateOnly SignupDate, decimal Score)
{
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Id}|{Name}|{Email}|{Age}|{SignupDate:yyyy-MM-dd}|{Score:0.00}");

    public string CsvLine => string.Create(CultureInfo.InvariantCulture, $"{Id},{Name},{Email},{Age},{SignupDate:yyyy-MM-dd},{Score:0.00}");

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static decimal Number(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
