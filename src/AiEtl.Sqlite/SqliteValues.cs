using System.Globalization;

namespace AiEtl.Sqlite;

/// <summary>The text formats SQLite stores dates in: ISO-8601, which SQLite's date functions read.</summary>
internal static class SqliteValues
{
    /// <summary>A UTC time ends in <c>Z</c>; a local or unspecified one has no suffix.</summary>
    public static string FormatDateTime(DateTime value) =>
        value.Kind == DateTimeKind.Utc
            ? value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + "Z"
            : value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
}
