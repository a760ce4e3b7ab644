using System.Diagnostics;
using System.Globalization;

namespace DroneDelivery.Tests.Processes;

/// <summary>
/// Makes sure a child process never outlives the process that started it, even when that one is
/// killed outright (a crashed or cancelled test run): a tiny shell loop watches both and sends the
/// child SIGKILL once its parent is gone. No exit handler would run in that case.
/// </summary>
internal static class Watchdog
{
    private const string Script =
        "while kill -0 \"$1\" 2>/dev/null; do kill -0 \"$2\" 2>/dev/null || exit 0; sleep 1; done; kill -KILL \"$2\" 2>/dev/null";

    public static void Guard(int child)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var arg in new[] { "-c", Script, "watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), child.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        // Not awaited: it ends by itself with the child.
        using var watchdog = Process.Start(start);
    }
}
