using System.Text;

namespace AiEtl.Samples.DataGen;

/// <summary>
/// Writes CSV as UTF-8 bytes into one large reusable buffer and flushes it to a stream, so memory
/// stays flat however many rows are written. Nothing here depends on the current culture.
/// </summary>
internal sealed class Utf8CsvWriter : IDisposable
{
    private const int MaxRowBytes = 4096;

    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _pos;

    public Utf8CsvWriter(Stream stream, int bufferSize = 1 << 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, MaxRowBytes * 2);
        _stream = stream;
        _buffer = new byte[bufferSize];
    }

    /// <summary>Bytes written so far (flushed and buffered).</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Writes bytes that need no CSV quoting.</summary>
    public void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.AsSpan(_pos));
        _pos += bytes.Length;
    }

    public void Raw(byte b) => _buffer[_pos++] = b;

    public void Comma() => _buffer[_pos++] = (byte)',';

    /// <summary>Writes a field, quoted (with inner quotes doubled) when it holds a comma, quote or line break.</summary>
    public void Field(ReadOnlySpan<byte> value)
    {
        if (value.IndexOfAny("\",\r\n"u8) < 0)
        {
            Raw(value);
            return;
        }

        _buffer[_pos++] = (byte)'"';
        foreach (var b in value)
        {
            if (b == (byte)'"')
            {
                _buffer[_pos++] = (byte)'"';
            }

            _buffer[_pos++] = b;
        }

        _buffer[_pos++] = (byte)'"';
    }

    public void Int(long value)
    {
        if (value < 0)
        {
            _buffer[_pos++] = (byte)'-';
            value = -value;
        }

        var digits = CountDigits((ulong)value);
        Digits(value, digits);
    }

    /// <summary>Writes a zero-padded number of exactly <paramref name="width"/> digits.</summary>
    public void Digits(long value, int width)
    {
        for (var i = _pos + width - 1; i >= _pos; i--)
        {
            _buffer[i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        _pos += width;
    }

    /// <summary>Writes an amount in cents as a decimal with exactly two places, e.g. -0.05.</summary>
    public void Cents(long cents)
    {
        if (cents < 0)
        {
            _buffer[_pos++] = (byte)'-';
            cents = -cents;
        }

        Int(cents / 100);
        _buffer[_pos++] = (byte)'.';
        Digits(cents % 100, 2);
    }

    /// <summary>yyyy-MM-dd</summary>
    public void Date(DateOnly date)
    {
        Digits(date.Year, 4);
        _buffer[_pos++] = (byte)'-';
        Digits(date.Month, 2);
        _buffer[_pos++] = (byte)'-';
        Digits(date.Day, 2);
    }

    /// <summary>ISO-8601 UTC to the second: yyyy-MM-ddTHH:mm:ssZ</summary>
    public void UtcTimestamp(DateTime value)
    {
        Date(DateOnly.FromDateTime(value));
        _buffer[_pos++] = (byte)'T';
        Digits(value.Hour, 2);
        _buffer[_pos++] = (byte)':';
        Digits(value.Minute, 2);
        _buffer[_pos++] = (byte)':';
        Digits(value.Second, 2);
        _buffer[_pos++] = (byte)'Z';
    }

    /// <summary>Ends the row with LF and flushes when the buffer could not hold another row.</summary>
    public void EndRow()
    {
        _buffer[_pos++] = (byte)'\n';
        if (_pos > _buffer.Length - MaxRowBytes)
        {
            Flush();
        }
    }

    public void Flush()
    {
        _stream.Write(_buffer, 0, _pos);
        BytesWritten += _pos;
        _pos = 0;
    }

    public void Dispose()
    {
        Flush();
        _stream.Flush();
    }

    /// <summary>UTF-8 bytes of a string (for word lists encoded once at start-up).</summary>
    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static int CountDigits(ulong value)
    {
        var n = 1;
        while (value >= 10)
        {
            value /= 10;
            n++;
        }

        return n;
    }
}
