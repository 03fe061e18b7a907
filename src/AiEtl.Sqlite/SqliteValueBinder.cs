using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SQLitePCL;

namespace AiEtl.Sqlite;

/// <summary>
/// Binds rows formatted by <see cref="SqliteValueEncoder"/> to a prepared statement by parameter index, through SQLite's
/// C API (SQLitePCLRaw, under Microsoft.Data.Sqlite) rather than ADO.NET parameters, which would box every value and
/// look each parameter up by name on every row. With <c>direct</c>, through <see cref="SqliteNativeMethods"/>: text
/// is bound where it lies in the batch, which the caller keeps pinned and clears from the statement before unpinning.
/// </summary>
internal static unsafe class SqliteValueBinder
{
    /// <summary>Binds the first row of <paramref name="rows"/> and moves <paramref name="rows"/> past it.</summary>
    /// <param name="statement">The statement whose parameter <c>n</c> takes field <c>n - 1</c>.</param>
    /// <param name="direct">Bind through <see cref="SqliteNativeMethods"/>, text in place (<paramref name="rows"/> pinned).</param>
    /// <param name="rows">Encoded rows, the one to bind first.</param>
    /// <param name="fieldCount">The fields of a row.</param>
    /// <param name="failedOrdinal">The field whose bind failed first, or -1.</param>
    /// <returns><see cref="raw.SQLITE_OK"/>, or the result code of the first bind that failed.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int BindRow(sqlite3_stmt statement, bool direct, ref ReadOnlySpan<byte> rows, int fieldCount, out int failedOrdinal)
    {
        failedOrdinal = -1;
        var handle = direct ? statement.DangerousGetHandle() : 0;
        var failure = raw.SQLITE_OK;
        for (var ordinal = 0; ordinal < fieldCount; ordinal++)
        {
            int result;
            switch (rows[0])
            {
                case SqliteValueEncoder.Null:
                    result = direct ? SqliteNativeMethods.sqlite3_bind_null(handle, ordinal + 1) : raw.sqlite3_bind_null(statement, ordinal + 1);
                    rows = rows[1..];
                    break;
                case SqliteValueEncoder.Integer:
                    var integer = BinaryPrimitives.ReadInt64LittleEndian(rows[1..]);
                    result = direct ? SqliteNativeMethods.sqlite3_bind_int64(handle, ordinal + 1, integer) : raw.sqlite3_bind_int64(statement, ordinal + 1, integer);
                    rows = rows[9..];
                    break;
                case SqliteValueEncoder.Real:
                    var real = BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(rows[1..]));
                    result = direct ? SqliteNativeMethods.sqlite3_bind_double(handle, ordinal + 1, real) : raw.sqlite3_bind_double(statement, ordinal + 1, real);
                    rows = rows[9..];
                    break;
                default:
                    var length = BinaryPrimitives.ReadInt32LittleEndian(rows[1..]);

                    if (direct)
                    {
                        // A pointer into the pinned batch, never null (SQLite would bind a null pointer as NULL), even for "".
                        var text = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(rows)) + 5;
                        result = SqliteNativeMethods.sqlite3_bind_text_static(handle, ordinal + 1, text, length);
                    }
                    else
                    {
                        // An empty span pins to a null pointer, which SQLite would bind as NULL: bind "" as a string.
                        result = length == 0 ? raw.sqlite3_bind_text(statement, ordinal + 1, "") : raw.sqlite3_bind_text(statement, ordinal + 1, rows.Slice(5, length));
                    }

                    rows = rows[(5 + length)..];
                    break;
            }

            if (result != raw.SQLITE_OK && failure == raw.SQLITE_OK)
            {
                (failure, failedOrdinal) = (result, ordinal);
            }
        }

        return failure;
    }
}
