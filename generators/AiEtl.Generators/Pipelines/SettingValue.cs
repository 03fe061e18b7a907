namespace AiEtl.Generators;

/// <summary>
/// One validated key of a pipeline file as plain data: its value as invariant text (a scalar), as items (a list) or as
/// entries (a dictionary of field names), and where each was written, for the compiler's own checks.
/// </summary>
/// <param name="Key">The key's name, such as <c>key_fields</c>.</param>
/// <param name="KeyPath">The full key path, such as <c>pipeline.transforms[0].config.key_fields</c>.</param>
/// <param name="Text">A scalar's value (numbers and flags in invariant form), or <see langword="null"/>.</param>
/// <param name="Items">A list's items, or entries' keys; empty for a scalar.</param>
/// <param name="ItemLocations">Where each of <paramref name="Items"/> was written.</param>
/// <param name="ItemValues">For a dictionary, the value of each entry as text (empty for none), in the order of <paramref name="Items"/>.</param>
/// <param name="Location">Where the value was written.</param>
internal sealed record SettingValue(
    string Key,
    string KeyPath,
    string? Text,
    EquatableArray<string> Items,
    EquatableArray<LocationInfo> ItemLocations,
    EquatableArray<string> ItemValues,
    LocationInfo? Location);
