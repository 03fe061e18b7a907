namespace AiEtl.Configuration.Catalog;

/// <summary>The kind of value a configuration key takes.</summary>
public enum ConfigValueKind
{
    /// <summary>Text.</summary>
    String,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A number, whole or not.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>One of <see cref="ConfigKey.AllowedValues"/>.</summary>
    Enum,

    /// <summary>Exactly one character (a delimiter, a quote).</summary>
    Character,

    /// <summary>A list of texts (<c>[id, email]</c>); a single text is taken as a list of one.</summary>
    StringList,

    /// <summary>Any scalar: text, number or boolean (a constant, a bound).</summary>
    Scalar,

    /// <summary>A mapping of the keys in <see cref="ConfigKey.Children"/>.</summary>
    Mapping,

    /// <summary>A list of mappings, each of the keys in <see cref="ConfigKey.Children"/>.</summary>
    MappingList,

    /// <summary>A mapping whose keys are the user's (field names), each value as <see cref="ConfigKey.Values"/> says.</summary>
    Dictionary,
}
