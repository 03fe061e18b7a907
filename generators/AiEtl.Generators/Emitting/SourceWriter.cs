using System;
using System.Text;

namespace AiEtl.Generators;

/// <summary>
/// Writes C# source line by line, indenting four spaces a level. Lines end with <c>\n</c> on every
/// platform, so the output is the same wherever the compiler runs.
/// </summary>
internal sealed class SourceWriter
{
    private const int SpacesPerLevel = 4;

    private readonly StringBuilder _builder = new();
    private int _indentation;

    /// <summary>Writes <paramref name="text"/> at the current indentation, then a line end.</summary>
    public void WriteLine(string text)
    {
        _builder.Append(' ', _indentation * SpacesPerLevel).Append(text).Append('\n');
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
