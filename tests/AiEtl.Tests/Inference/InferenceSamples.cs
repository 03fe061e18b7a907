using System.Runtime.CompilerServices;
using AiEtl.Csv;

namespace AiEtl.Tests.Inference;

/// <summary>The committed inference sample files and the source options each is read with.</summary>
internal static class InferenceSamples
{
    public static string Directory { get; } = DataDirectory();

    /// <summary>
    /// The options of a sample file: <c>orders-de</c> is German (culture alone: its numbers, dates, date-times and times),
    /// <c>orders-us</c> is American (culture for numbers and dates, exact formats for date-times and times); the others are
    /// invariant ISO files read with the defaults
    /// (<c>traps/decimal-comma</c> only with its semicolons: its decimal comma is found from the values).
    /// </summary>
    public static CsvSourceOptions OptionsFor(string csv) => Path.GetFileNameWithoutExtension(csv) switch
    {
        "orders-de" => new CsvSourceOptions(csv) { Delimiter = ';', Culture = TestCultures.German(), NullValues = ["NULL"] },
        "orders-us" => new CsvSourceOptions(csv)
        {
            Culture = TestCultures.American(),
            DateTimeFormats = ["MM/dd/yyyy hh:mm tt", "MM/dd/yyyy hh:mm tt zzz"],
            TimeFormats = ["h:mm tt"],
            NullValues = ["NA"],
        },
        "decimal-comma" => new CsvSourceOptions(csv) { Delimiter = ';' },
        _ => new CsvSourceOptions(csv),
    };

    private static string DataDirectory([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "..", "TestData", "inference");
}
