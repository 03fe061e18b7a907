using System.Runtime.InteropServices;

namespace AiEtl.Cli.Commands;

/// <summary>Turns Ctrl+C (SIGINT) and SIGTERM into cancellation of a run, so it stops cleanly instead of being killed.</summary>
internal static class Cancellation
{
    public static IDisposable OnInterrupt(CancellationTokenSource source)
    {
        var registrations = new List<PosixSignalRegistration>();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // Keep the process alive: the run rolls back its open transaction and returns.
                context.Cancel = true;
                source.Cancel();
            }));
        }

        return new Registrations(registrations);
    }

    private sealed class Registrations(List<PosixSignalRegistration> items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }
}
