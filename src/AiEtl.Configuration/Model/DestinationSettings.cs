namespace AiEtl.Configuration.Model;

/// <summary><c>pipeline.destination</c>: the adapter and what to do when its table or file is missing.</summary>
public sealed class DestinationSettings
{
    /// <summary>The adapter and its config.</summary>
    public AdapterSettings Adapter { get; init; } = new();

    /// <summary><c>create_if_missing</c>, <c>fail_if_missing</c> or <c>drop_and_create</c>.</summary>
    public string SchemaMode { get; init; } = "create_if_missing";
}
