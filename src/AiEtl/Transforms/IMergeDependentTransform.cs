namespace AiEtl;

/// <summary>A transform whose result is right only when the destination merges on its key (the deduplicator's keep_last); the run checks it.</summary>
internal interface IMergeDependentTransform
{
    string Name { get; }

    bool NeedsMerge { get; }

    IReadOnlyList<string>? KeyFields { get; }
}
