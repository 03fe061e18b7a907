namespace AiEtl;

/// <summary>Where a row of a batch is in its source: its first line in a text file (0 when the source has no lines) and its 1-based record number.</summary>
internal readonly record struct RowPosition(long Line, long Number);
