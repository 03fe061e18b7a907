using System.Globalization;
using System.Text;

namespace AiEtl.Configuration.Schema;

/// <summary>
/// A small indented JSON writer (two spaces, LF, invariant culture), so the generated schema is byte-stable and the
/// library needs no JSON package in the compiler.
/// </summary>
internal sealed class JsonTextWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;
    private bool _first = true;
    private bool _afterName;

    public void StartObject() => Open('{');

    public void EndObject() => Close('}');

    public void StartArray() => Open('[');

    public void EndArray() => Close(']');

    public void Name(string name)
    {
        Separate();
        Quote(name);
        _text.Append(": ");
        _afterName = true;
    }

    public void String(string value)
    {
        Separate();
        Quote(value);
    }

    public void Number(double value)
    {
        Separate();
        _text.Append(value.ToString("R", CultureInfo.InvariantCulture));
    }

    public void Boolean(bool value)
    {
        Separate();
        _text.Append(value ? "true" : "false");
    }

    public void Property(string name, string value)
    {
        Name(name);
        String(value);
    }

    public void Value(object value)
    {
        switch (value)
        {
            case bool flag:
                Boolean(flag);
                break;
            case long whole:
                Number(whole);
                break;
            case double number:
                Number(number);
                break;
            default:
                String(value.ToString() ?? "");
                break;
        }
    }

    public override string ToString() => _text.ToString() + "\n";

    private void Open(char bracket)
    {
        Separate();
        _text.Append(bracket);
        _depth++;
        _first = true;
    }

    private void Close(char bracket)
    {
        _depth--;
        if (!_first)
        {
            NewLine();
        }

        _text.Append(bracket);
        _first = false;
    }

    private void Separate()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }

        if (!_first)
        {
            _text.Append(',');
        }

        if (_depth > 0)
        {
            NewLine();
        }

        _first = false;
    }

    private void NewLine() => _text.Append('\n').Append(' ', _depth * 2);

    private void Quote(string value)
    {
        _text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    _text.Append("\\\"");
                    break;
                case '\\':
                    _text.Append("\\\\");
                    break;
                case '\n':
                    _text.Append("\\n");
                    break;
                case '\r':
                    _text.Append("\\r");
                    break;
                case '\t':
                    _text.Append("\\t");
                    break;
                default:
                    if (c < ' ')
                    {
                        _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _text.Append(c);
                    }

                    break;
            }
        }

        _text.Append('"');
    }
}
