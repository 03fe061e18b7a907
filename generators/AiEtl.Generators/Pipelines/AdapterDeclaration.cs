namespace AiEtl.Generators;

/// <summary>A source, transform or destination of a pipeline file: its type and the keys of its <c>config</c> that were set.</summary>
/// <param name="Type">The adapter or transform type, such as <c>csv</c> or <c>deduplicator</c>.</param>
/// <param name="KeyPath">Where it is, such as <c>pipeline.transforms[1]</c>.</param>
/// <param name="Settings">The keys of <c>config</c> that were set, in the file's order.</param>
/// <param name="Location">Where its <c>type</c> was written.</param>
internal sealed record AdapterDeclaration(string Type, string KeyPath, EquatableArray<SettingValue> Settings, LocationInfo? Location)
{
    /// <summary>The setting <paramref name="key"/>, or <see langword="null"/> when it was not set.</summary>
    public SettingValue? Find(string key)
    {
        foreach (var setting in Settings)
        {
            if (setting.Key == key)
            {
                return setting;
            }
        }

        return null;
    }

    /// <summary>The text of <paramref name="key"/>, or <see langword="null"/>.</summary>
    public string? Text(string key) => Find(key)?.Text;
}
