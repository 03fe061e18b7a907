using System.Globalization;

namespace AiEtl.Tests;

/// <summary>
/// Cultures for the culture tests. Named cultures need ICU, and the projects build with InvariantGlobalization:
/// these are cloned from the invariant one with the separators and date patterns of de-DE and en-US.
/// </summary>
public static class TestCultures
{
    /// <summary>German: <c>1.234,56</c>, <c>31.12.2024</c>.</summary>
    public static CultureInfo German()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.DateTimeFormat.DateSeparator = ".";
        culture.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
        culture.DateTimeFormat.LongDatePattern = "dddd, d. MMMM yyyy";
        return culture;
    }

    /// <summary>American: <c>1,234.56</c>, <c>12/31/2024</c>.</summary>
    public static CultureInfo American()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.DateTimeFormat.ShortDatePattern = "M/d/yyyy";
        return culture;
    }
}
