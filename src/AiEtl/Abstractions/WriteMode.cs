namespace AiEtl;

/// <summary>How a database destination combines the rows of a run with the rows already in its table (the seed's <c>write_mode</c>).</summary>
public enum WriteMode
{
    /// <summary>Add the rows to the table.</summary>
    Append,

    /// <summary>
    /// Replace the table's rows with the rows of the run, atomically: the rows are loaded into a staging
    /// table and swapped in by <see cref="ICompletableDestination.CompleteAsync"/> at the end of a
    /// successful run, in one transaction, so readers see the old rows or the new ones, never an empty or half table.
    /// </summary>
    Replace,

    /// <summary>Insert new rows and update the rows whose primary key exists (upsert); needs a primary key.</summary>
    Merge,
}
