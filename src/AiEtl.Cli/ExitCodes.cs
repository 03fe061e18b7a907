namespace AiEtl.Cli;

/// <summary>The exit codes of <c>aietl</c>, as documented in <c>aietl --help</c> and docs/configuration.md.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The run started and failed (a row or batch error with <c>fail</c>, a lost connection, a timeout).</summary>
    public const int RunFailed = 1;

    /// <summary>The configuration is invalid: nothing was run.</summary>
    public const int ConfigurationInvalid = 2;

    /// <summary>The command line itself is wrong: an unknown command or option, a missing argument (sysexits' EX_USAGE).</summary>
    public const int Usage = 64;

    /// <summary>Stopped by Ctrl+C (SIGINT) or SIGTERM; committed batches and their checkpoint stay.</summary>
    public const int Cancelled = 130;
}
