namespace AiEtl;

/// <summary>How a destination combines the rows of a run with what its target already holds: a table's rows, or a file.</summary>
public enum WriteMode
{
    /// <summary>
    /// Add the rows to the table, or to the end of the file. A file destination appends atomically: the file
    /// changes only when the run succeeds.
    /// </summary>
    Append,

    /// <summary>
    /// Replace the table's rows, or the file, with the rows of the run, atomically: a database destination loads
    /// the rows into a staging table and swaps it in by <see cref="ICompletableDestination.CompleteAsync"/> at the end
    /// of a successful run, in one transaction; a file destination renames its temp file over the target. Readers see
    /// the old rows or the new ones, never an empty or half table or file.
    /// </summary>
    Replace,

    /// <summary>
    /// Insert new rows and update the rows whose primary key exists (upsert); needs a primary key. Database
    /// destinations only: a file has no key to update by, and a file destination refuses this mode.
    /// </summary>
    Merge,
}
