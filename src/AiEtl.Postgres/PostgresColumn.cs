namespace AiEtl.Postgres;

/// <summary>A column as the catalog describes it.</summary>
/// <param name="Name">The column name.</param>
/// <param name="CatalogType">Its type as <c>format_type</c> prints it: <c>bigint</c>, <c>character varying(20)</c>, <c>text[]</c>.</param>
/// <param name="NotNull">Whether it is <c>NOT NULL</c>.</param>
/// <param name="HasDefault">Whether it has a default value.</param>
internal readonly record struct PostgresColumn(string Name, string CatalogType, bool NotNull, bool HasDefault);
