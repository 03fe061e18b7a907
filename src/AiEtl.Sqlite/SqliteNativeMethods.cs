using System.Runtime.InteropServices;
using SQLitePCL;

namespace AiEtl.Sqlite;

/// <summary>
/// The few SQLite calls of the per-row insert loop, imported from e_sqlite3 directly. SQLitePCLRaw's wrappers take the
/// statement as a SafeHandle (an AddRef and a Release per call, about 13 million calls per million rows of 12 fields)
/// and copy every text value (SQLITE_TRANSIENT); here the statement is a raw pointer, text is bound SQLITE_STATIC from
/// the pinned batch, and the binds skip the GC transition (each is a short call that neither blocks nor calls back).
/// Used only while SQLitePCLRaw's provider is e_sqlite3 too (<see cref="ServeTheProvider"/>): a handle from another
/// SQLite library must never reach this one.
/// </summary>
internal static unsafe partial class SqliteNativeMethods
{
    private const string Library = "e_sqlite3";

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int sqlite3_bind_null(nint statement, int index);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int sqlite3_bind_int64(nint statement, int index, long value);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int sqlite3_bind_double(nint statement, int index, double value);

    /// <summary>Binds <paramref name="length"/> bytes of UTF-8 that stay where they are until the statement is reset and rebound.</summary>
    public static int sqlite3_bind_text_static(nint statement, int index, byte* text, int length) =>
        sqlite3_bind_text(statement, index, text, length, destructor: 0);

    [LibraryImport(Library)]
    public static partial int sqlite3_step(nint statement);

    [LibraryImport(Library)]
    public static partial int sqlite3_reset(nint statement);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int sqlite3_clear_bindings(nint statement);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    private static partial int sqlite3_bind_text(nint statement, int index, byte* text, int length, nint destructor);

    /// <summary>
    /// Whether the connections Microsoft.Data.Sqlite opens (SQLitePCLRaw's provider) come from the library these calls go
    /// to. Asked once a connection is open, when the provider is set.
    /// </summary>
    public static bool ServeTheProvider() => raw.GetNativeLibraryName() == Library;
}
