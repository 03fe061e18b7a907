using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;

/// <summary>
/// The startup hook (DOTNET_STARTUP_HOOKS; the runtime wants this exact name, in no namespace, with a static
/// <c>Initialize</c>). <c>AIETL_KILL_AT=name[:n]</c> kills the process with SIGKILL the n-th time (default the first)
/// the engine reaches the instant <c>name</c>; <c>AIETL_KILL_POINTS=file</c> appends <c>point name count</c> for each
/// instant reached, before any kill, so a test can tell a kill at the instant from a run that never got there.
/// <c>AIETL_PAUSE_AT=name[:n]</c> with <c>AIETL_PAUSE_UNTIL=file</c> holds the engine at that instant until the file
/// exists instead: a test sends Ctrl+C meanwhile, and the run is interrupted exactly there, however loaded the machine.
/// </summary>
internal static class StartupHook
{
    private const int SigInt = 2;
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, int> Counts = [];
    private static (string? Point, int Nth) s_kill;
    private static (string? Point, int Nth) s_pause;
    private static string? s_pauseUntil;
    private static string? s_log;
    private static int s_installed;

    public static void Initialize()
    {
        s_kill = Instant(Environment.GetEnvironmentVariable("AIETL_KILL_AT"));
        s_pause = Instant(Environment.GetEnvironmentVariable("AIETL_PAUSE_AT"));
        s_pauseUntil = Environment.GetEnvironmentVariable("AIETL_PAUSE_UNTIL");
        s_log = Environment.GetEnvironmentVariable("AIETL_KILL_POINTS");

        // A test host started with & by a script without job control passes SIGINT on ignored, and .NET keeps an
        // ignored SIGINT ignored (as nohup wants): give the tool the default a terminal gives it, before it registers.
        _ = Signal(SigInt, IntPtr.Zero);

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

            if ((name, count) == s_kill)
            {
                Process.GetCurrentProcess().Kill();
                Thread.Sleep(Timeout.Infinite); // the kill is asynchronous: nothing may run past the instant
            }

            while ((name, count) == s_pause && s_pauseUntil is not null && !File.Exists(s_pauseUntil))
            {
                Thread.Sleep(10);
            }
        }
    }

    [DllImport("libc", EntryPoint = "signal")]
    private static extern IntPtr Signal(int signal, IntPtr handler); // IntPtr.Zero is SIG_DFL

    private static (string? Point, int Nth) Instant(string? spec)
    {
        if (spec is not { Length: > 0 })
        {
            return (null, 0);
        }

        var colon = spec.LastIndexOf(':');
        return colon < 0 ? (spec, 1) : (spec[..colon], int.Parse(spec[(colon + 1)..], CultureInfo.InvariantCulture));
    }
}
