using System.Globalization;

namespace AiEtl;

/// <summary>
/// The culture a file whose numbers only make sense with a decimal comma is read with when none was set: the invariant
/// culture with <c>,</c> for decimals and <c>.</c> for groups, and ISO dates, so that nothing but the numbers changes.
/// </summary>
internal static class DecimalCommaCulture
{
    public static CultureInfo Create()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.DateTimeFormat.DateSeparator = "-";
        culture.DateTimeFormat.ShortDatePattern = "yyyy-MM-dd";
        culture.DateTimeFormat.LongDatePattern = "yyyy-MM-dd";
        culture.DateTimeFormat.ShortTimePattern = "HH:mm";
        culture.DateTimeFormat.LongTimePattern = "HH:mm:ss";
        culture.DateTimeFormat.FullDateTimePattern = "yyyy-MM-dd HH:mm:ss";
        return culture;
    }
}
