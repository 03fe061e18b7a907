namespace AiEtl.Generators.Inference;

/// <summary>
/// Whether a text is one JSON value, as the runtime's <c>Utf8Values.IsValidJson</c> decides with
/// <c>Utf8JsonReader</c>'s default options: strict RFC 8259, no comments, no trailing commas, at most 64 levels deep.
/// </summary>
internal static class JsonText
{
    private const int MaxDepth = 64;

    public static bool IsValid(string text)
    {
        var position = 0;
        if (!Value(text, ref position, 0))
        {
            return false;
        }

        SkipSpace(text, ref position);
        return position == text.Length;
    }

    private static bool Value(string text, ref int position, int depth)
    {
        SkipSpace(text, ref position);
        if (position >= text.Length)
        {
            return false;
        }

        switch (text[position])
        {
            case '{':
                return Container(text, ref position, depth, '}', member: true);
            case '[':
                return Container(text, ref position, depth, ']', member: false);
            case '"':
                return String(text, ref position);
            case 't':
                return Word(text, ref position, "true");
            case 'f':
                return Word(text, ref position, "false");
            case 'n':
                return Word(text, ref position, "null");
            default:
                return Number(text, ref position);
        }
    }

    private static bool Container(string text, ref int position, int depth, char close, bool member)
    {
        if (depth >= MaxDepth)
        {
            return false;
        }

        position++;
        SkipSpace(text, ref position);
        if (position < text.Length && text[position] == close)
        {
            position++;
            return true;
        }

        while (true)
        {
            if (member)
            {
                SkipSpace(text, ref position);
                if (position >= text.Length || text[position] != '"' || !String(text, ref position))
                {
                    return false;
                }

                SkipSpace(text, ref position);
                if (position >= text.Length || text[position++] != ':')
                {
                    return false;
                }
            }

            if (!Value(text, ref position, depth + 1))
            {
                return false;
            }

            SkipSpace(text, ref position);
            if (position >= text.Length)
            {
                return false;
            }

            var next = text[position++];
            if (next == close)
            {
                return true;
            }

            if (next != ',')
            {
                return false;
            }
        }
    }

    private static bool String(string text, ref int position)
    {
        position++;
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '"')
            {
                return true;
            }

            if (c < ' ')
            {
                return false;
            }

            if (c == '\\')
            {
                if (position >= text.Length)
                {
                    return false;
                }

                var escaped = text[position++];
                if (escaped == 'u')
                {
                    for (var i = 0; i < 4; i++)
                    {
                        if (position >= text.Length || !IsHex(text[position++]))
                        {
                            return false;
                        }
                    }
                }
                else if (escaped is not ('"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't'))
                {
                    return false;
                }
            }
        }

        return false;
    }

    // -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?
    private static bool Number(string text, ref int position)
    {
        if (position < text.Length && text[position] == '-')
        {
            position++;
        }

        if (position >= text.Length || !IsDigit(text[position]))
        {
            return false;
        }

        if (text[position++] != '0')
        {
            Digits(text, ref position);
        }

        if (position < text.Length && text[position] == '.')
        {
            position++;
            if (Digits(text, ref position) == 0)
            {
                return false;
            }
        }

        if (position < text.Length && text[position] is 'e' or 'E')
        {
            position++;
            if (position < text.Length && text[position] is '+' or '-')
            {
                position++;
            }

            if (Digits(text, ref position) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int Digits(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && IsDigit(text[position]))
        {
            position++;
        }

        return position - start;
    }

    private static bool Word(string text, ref int position, string word)
    {
        if (string.CompareOrdinal(text, position, word, 0, word.Length) != 0)
        {
            return false;
        }

        position += word.Length;
        return true;
    }

    private static void SkipSpace(string text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t' or '\n' or '\r')
        {
            position++;
        }
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');
}
