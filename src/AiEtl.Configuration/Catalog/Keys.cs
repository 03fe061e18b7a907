using System.Collections.Generic;

namespace AiEtl.Configuration.Catalog;

/// <summary>Short constructors for the catalog's keys, so that each table reads as a table.</summary>
internal static class Keys
{
    public static ConfigKey Text(string name, string description, string? defaultValue = null, bool required = false) =>
        new(name, ConfigValueKind.String, description) { Default = defaultValue, Required = required };

    public static ConfigKey Integer(string name, string description, long? defaultValue = null, double? minimum = null, double? maximum = null) =>
        new(name, ConfigValueKind.Integer, description) { Default = defaultValue, Minimum = minimum, Maximum = maximum };

    public static ConfigKey Number(string name, string description, double? defaultValue = null, double? minimum = null, double? maximum = null) =>
        new(name, ConfigValueKind.Number, description) { Default = defaultValue, Minimum = minimum, Maximum = maximum };

    public static ConfigKey Flag(string name, string description, bool? defaultValue = null) =>
        new(name, ConfigValueKind.Boolean, description) { Default = defaultValue };

    public static ConfigKey Choice(string name, string description, string? defaultValue, params string[] values) =>
        new(name, ConfigValueKind.Enum, description) { Default = defaultValue, AllowedValues = values };

    public static ConfigKey Character(string name, string description, string? defaultValue = null) =>
        new(name, ConfigValueKind.Character, description) { Default = defaultValue };

    public static ConfigKey List(string name, string description, bool namesFields = false) =>
        new(name, ConfigValueKind.StringList, description) { NamesFields = namesFields };

    public static ConfigKey Section(string name, string description, IReadOnlyList<ConfigKey> children, bool required = false) =>
        new(name, ConfigValueKind.Mapping, description) { Children = children, Required = required };
}
