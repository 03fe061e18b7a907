namespace AiEtl.Assist;

/// <summary>What a suggestion proposes.</summary>
public enum AssistSuggestionKind
{
    /// <summary>A description of the field (<c>description:</c>).</summary>
    Description,

    /// <summary>The kind of sensitive data the field holds (<c>sensitive:</c>).</summary>
    SensitiveKind,

    /// <summary>The record field a file's column maps to.</summary>
    FieldMapping,
}
