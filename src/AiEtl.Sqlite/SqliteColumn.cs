namespace AiEtl.Sqlite;

/// <summary>A column as <c>pragma_table_info</c> describes it.</summary>
/// <param name="Name">The column name.</param>
/// <param name="DeclaredType">Its declared type (may be empty).</param>
/// <param name="NotNull">Whether it is <c>NOT NULL</c>.</param>
/// <param name="HasDefault">Whether it has a default value.</param>
internal readonly record struct SqliteColumn(string Name, string DeclaredType, bool NotNull, bool HasDefault);
