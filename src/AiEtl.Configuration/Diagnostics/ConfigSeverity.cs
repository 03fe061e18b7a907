namespace AiEtl.Configuration.Diagnostics;

/// <summary>How bad a configuration problem is: an error stops the pipeline from running, a warning does not.</summary>
public enum ConfigSeverity
{
    /// <summary>Worth knowing; nothing is wrong.</summary>
    Info,

    /// <summary>The pipeline runs, but something is likely a mistake (a literal password).</summary>
    Warning,

    /// <summary>The pipeline cannot run as written.</summary>
    Error,
}
