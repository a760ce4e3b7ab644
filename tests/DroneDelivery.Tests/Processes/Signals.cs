using System.Runtime.InteropServices;

namespace DroneDelivery.Tests.Processes;

/// <summary>
/// POSIX signals. <see cref="System.Diagnostics.Process.Kill()"/> only ever sends SIGKILL on Linux,
/// and a graceful stop needs SIGTERM, which the .NET hosts answer by shutting down in order.
/// </summary>
internal static class Signals
{
    public const int Interrupt = 2;
    public const int Kill = 9;
    public const int Terminate = 15;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; false when there is no such process.</summary>
    public static bool Send(int pid, int signal) => SendSignal(pid, signal) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
