using System;
using System.Text;

namespace AiEtl.Generators;

/// <summary>
/// Writes C# source line by line, indenting four spaces a level; a multi-line text (a raw-string template) is
/// written as its lines, each at the current indentation. Lines end with <c>\n</c> on every platform, so the
/// output is the same wherever the compiler runs.
/// </summary>
internal sealed class SourceWriter
{
    private const int SpacesPerLevel = 4;

    private readonly StringBuilder _builder = new();
    private int _indentation;

    /// <summary>
    /// Writes each line of <paramref name="text"/> at the current indentation, then a line end. A line that is
    /// empty stays empty (no trailing spaces), and a <c>\r\n</c> in the text is written as <c>\n</c>.
    /// </summary>
    public void WriteLine(string text)
    {
        var start = 0;
        while (true)
        {
            var end = text.IndexOf('\n', start);
            var length = (end < 0 ? text.Length : end) - start;
            if (length > 0 && text[start + length - 1] == '\r')
            {
                length--;
            }

            if (length > 0)
            {
                _builder.Append(' ', _indentation * SpacesPerLevel).Append(text, start, length);
            }

            _builder.Append('\n');
            if (end < 0)
            {
                return;
            }

            start = end + 1;
        }
    }

    /// <summary>Writes an empty line.</summary>
    public void WriteLine()
    {
        _builder.Append('\n');
    }

    /// <summary>Writes <c>{</c> and indents the lines after it.</summary>
    public void OpenBlock()
    {
        WriteLine("{");
        Indent();
    }

    /// <summary>Unindents and writes <c>}</c> followed by <paramref name="suffix"/> (such as <c>;</c> or <c>)</c>).</summary>
    public void CloseBlock(string suffix = "")
    {
        Unindent();
        WriteLine("}" + suffix);
    }

    /// <summary>Indents the lines after this by one more level.</summary>
    public void Indent()
    {
        _indentation++;
    }

    /// <summary>Indents the lines after this by one level less.</summary>
    public void Unindent()
    {
        if (_indentation == 0)
        {
            throw new InvalidOperationException("Unindent without a matching Indent.");
        }

        _indentation--;
    }

    /// <summary>The source written so far; every block must be closed.</summary>
    public override string ToString()
    {
        if (_indentation != 0)
        {
            throw new InvalidOperationException("A block was left open.");
        }

        return _builder.ToString();
    }
}
