using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace AiEtl;

/// <summary>
/// A 128-bit hash (XXH128) of a key's value, the same in every process: what a deduplicator remembers and commits
/// with the checkpoint. Each part of a key is written with a type tag (and strings with their length), so
/// <c>("a,b", "c")</c> and <c>("a", "b,c")</c> differ, then hashed. Two different keys share a hash with a
/// probability of about n²/2¹²⁹ for n keys (10⁻²⁰ for a billion).
/// </summary>
internal static class KeyHash
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_fields;

    public static UInt128 Of<TKey>(TKey key)
    {
        // A key that is already a hash (the dynamic deduplicator's) is its own.
        if (typeof(TKey) == typeof(UInt128))
        {
            return Unsafe.As<TKey, UInt128>(ref key);
        }

        // The common keys hash without boxing (the JIT removes the other branches for each TKey).
        if (typeof(TKey) == typeof(int))
        {
            return Scalar('i', (long)Unsafe.As<TKey, int>(ref key));
        }

        if (typeof(TKey) == typeof(long))
        {
            return Scalar('i', Unsafe.As<TKey, long>(ref key));
        }

        if (typeof(TKey) == typeof(Guid))
        {
            return Scalar('g', Unsafe.As<TKey, Guid>(ref key));
        }

        if (key is string text && text.Length < 256)
        {
            Span<byte> buffer = stackalloc byte[1 + 4 + (text.Length * 3)];
            var length = WriteString(buffer, text);
            return XxHash128.HashToUInt128(buffer[..length]);
        }

        var writer = new ArrayBufferWriter<byte>();
        Write(writer, key);
        return XxHash128.HashToUInt128(writer.WrittenSpan);
    }

    /// <summary>The hash of the values of the named fields of a dynamic row, as of a tuple of them.</summary>
    public static UInt128 OfFields(Record row, IReadOnlyList<string> fields)
    {
        // One buffer a thread, reused for every row.
        var writer = t_fields ??= new ArrayBufferWriter<byte>();
        writer.ResetWrittenCount();
        writer.Write([(byte)'t', (byte)fields.Count]);
        // By index: a foreach over the interface boxed an enumerator per row.
        for (var i = 0; i < fields.Count; i++)
        {
            Write(writer, row[fields[i]]);
        }

        return XxHash128.HashToUInt128(writer.WrittenSpan);
    }

    private static UInt128 Scalar<TValue>(char tag, TValue value)
        where TValue : unmanaged
    {
        Span<byte> buffer = stackalloc byte[1 + Unsafe.SizeOf<TValue>()];
        buffer[0] = (byte)tag;
        MemoryMarshal.Write(buffer[1..], in value);
        return XxHash128.HashToUInt128(buffer);
    }

    private static int WriteString(Span<byte> buffer, string text)
    {
        buffer[0] = (byte)'s';
        var length = Encoding.UTF8.GetBytes(text, buffer[5..]);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[1..], length);
        return 5 + length;
    }

    private static void Write(ArrayBufferWriter<byte> writer, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                writer.Write("n"u8);
                break;
            case string text:
                var span = writer.GetSpan(5 + Encoding.UTF8.GetMaxByteCount(text.Length));
                writer.Advance(WriteString(span, text));
                break;
            case ITuple tuple:
                writer.Write([(byte)'t', (byte)tuple.Length]);
                for (var i = 0; i < tuple.Length; i++)
                {
                    Write(writer, tuple[i]);
                }

                break;
            case int number:
                WriteScalar(writer, 'i', (long)number);
                break;
            case long number:
                WriteScalar(writer, 'i', number);
                break;
            case Guid guid:
                WriteScalar(writer, 'g', guid);
                break;
            default:
                // Anything else by its invariant text, tagged with its type so 1 (int) and "1" differ.
                var invariant = value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? "";
                Write(writer, value.GetType().Name);
                Write(writer, invariant);
                break;
        }
    }

    private static void WriteScalar<TValue>(ArrayBufferWriter<byte> writer, char tag, TValue value)
        where TValue : unmanaged
    {
        var span = writer.GetSpan(1 + Unsafe.SizeOf<TValue>());
        span[0] = (byte)tag;
        MemoryMarshal.Write(span[1..], in value);
        writer.Advance(1 + Unsafe.SizeOf<TValue>());
    }
}
