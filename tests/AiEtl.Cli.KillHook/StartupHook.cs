using System.Diagnostics;
using System.Globalization;
using System.Reflection;

/// <summary>
/// The startup hook (DOTNET_STARTUP_HOOKS; the runtime wants this exact name, in no namespace, with a static
/// <c>Initialize</c>). <c>AIETL_KILL_AT=name[:n]</c> kills the process with SIGKILL the n-th time (default the first)
/// the engine reaches the instant <c>name</c>; <c>AIETL_KILL_POINTS=file</c> appends <c>point name count</c> for each
/// instant reached, before any kill, so a test can tell a kill at the instant from a run that never got there.
/// </summary>
internal static class StartupHook
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, int> Counts = [];
    private static string? s_point;
    private static int s_nth;
    private static string? s_log;
    private static int s_installed;

    public static void Initialize()
    {
        var killAt = Environment.GetEnvironmentVariable("AIETL_KILL_AT");
        s_log = Environment.GetEnvironmentVariable("AIETL_KILL_POINTS");
        if (killAt is { Length: > 0 })
        {
            var colon = killAt.LastIndexOf(':');
            (s_point, s_nth) = colon < 0 ? (killAt, 1) : (killAt[..colon], int.Parse(killAt[(colon + 1)..], CultureInfo.InvariantCulture));
        }

        // The engine (AiEtl.dll) loads when the tool first needs it, after this hook ran: install then, or now if it is here.
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Install(e.LoadedAssembly);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            Install(assembly);
        }
    }

    private static void Install(Assembly assembly)
    {
        if (assembly.GetName().Name != "AiEtl" || Interlocked.Exchange(ref s_installed, 1) == 1)
        {
            return;
        }

        var reached = assembly.GetType("AiEtl.CrashPoints", throwOnError: true)!
            .GetProperty("Reached", BindingFlags.Public | BindingFlags.Static)
            ?? throw new MissingMemberException("AiEtl.CrashPoints", "Reached");
        reached.SetValue(null, new Action<string>(Reach));
    }

    private static void Reach(string name)
    {
        lock (Gate)
        {
            var count = Counts[name] = Counts.GetValueOrDefault(name) + 1;
            if (s_log is not null)
            {
                File.AppendAllText(s_log, string.Create(CultureInfo.InvariantCulture, $"point {name} {count}\n"));
            }

            if (name == s_point && count == s_nth)
            {
                Process.GetCurrentProcess().Kill();
                Thread.Sleep(Timeout.Infinite); // the kill is asynchronous: nothing may run past the instant
            }
        }
    }
}
