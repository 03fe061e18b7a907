namespace AiEtl.Configuration.Yaml;

/// <summary>One <c>key: value</c> of a mapping.</summary>
/// <param name="Key">The key, a scalar (complex keys are reported and skipped).</param>
/// <param name="Value">The value.</param>
public sealed record YamlMappingEntry(YamlScalar Key, YamlNode Value);
