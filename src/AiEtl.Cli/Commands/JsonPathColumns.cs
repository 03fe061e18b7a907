using System.Text.Json;

namespace AiEtl.Cli.Commands;

/// <summary>
/// The columns <c>aietl scan</c> scores in a JSON source: each field's scalar values under the field's name, and the
/// scalar values nested in its objects and arrays under their paths (<see cref="JsonColumnPath"/>), in the order first
/// seen; so the e-mail addresses inside <c>{"contact": {"email": ...}}</c> are a column of their own rather than part of
/// an object's JSON text. A string counts as its text, a number or boolean as its JSON text; a null, or an empty object
/// or array, adds no value. A field in which no value was found is still a column (of no values), as in a flat file.
/// </summary>
internal sealed class JsonPathColumns
{
    private readonly IReadOnlyList<string> _fields;
    private readonly int _maxValues;
    private readonly List<string>[] _paths;
    private readonly Dictionary<(int Field, string Path), List<string>> _values = [];
    private readonly bool[] _holdsContainers;

    /// <param name="fields">The schema's fields, in order.</param>
    /// <param name="maxValues">The values kept a column: an array's elements beyond it are not scored.</param>
    public JsonPathColumns(IReadOnlyList<string> fields, int maxValues)
    {
        _fields = fields;
        _maxValues = maxValues;
        _paths = [.. fields.Select(_ => new List<string>())];
        _holdsContainers = new bool[fields.Count];
    }

    /// <summary>Adds the value of field <paramref name="field"/> in one row: its JSON text, or null when it is null or missing.</summary>
    public void Add(int field, string? json)
    {
        if (json is null)
        {
            return;
        }

        // The source reads comments past (JsonObjectIndex): a value's text may hold some.
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        Add(field, _fields[field], document.RootElement);
    }

    /// <summary>The columns: the field each is read from, its name (the field's, or a path inside it) and its values; a field's own values come before its paths.</summary>
    public IEnumerable<(string Field, string Name, IReadOnlyList<string> Values)> Columns()
    {
        for (var field = 0; field < _fields.Count; field++)
        {
            if (_paths[field].Count == 0)
            {
                yield return (_fields[field], _fields[field], []);
            }

            // The field's own values first, then the paths inside it.
            foreach (var path in _paths[field].OrderBy(p => p == _fields[field] ? 0 : 1))
            {
                yield return (_fields[field], path, _values[(field, path)]);
            }
        }
    }

    /// <summary>The fields that held an object or an array in at least one row.</summary>
    public IEnumerable<string> FieldsHoldingContainers() => _fields.Where((_, i) => _holdsContainers[i]);

    private void Add(int field, string path, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                _holdsContainers[field] = true;
                foreach (var property in value.EnumerateObject())
                {
                    Add(field, JsonColumnPath.Property(path, property.Name), property.Value);
                }

                break;
            case JsonValueKind.Array:
                _holdsContainers[field] = true;
                foreach (var element in value.EnumerateArray())
                {
                    Add(field, JsonColumnPath.Elements(path), element);
                }

                break;
            case JsonValueKind.Null:
                break;
            case JsonValueKind.String:
                Keep(field, path, value.GetString()!);
                break;
            default:
                Keep(field, path, value.GetRawText());
                break;
        }
    }

    private void Keep(int field, string path, string text)
    {
        if (!_values.TryGetValue((field, path), out var values))
        {
            _values[(field, path)] = values = [];
            _paths[field].Add(path);
        }

        if (values.Count < _maxValues)
        {
            values.Add(text);
        }
    }
}
