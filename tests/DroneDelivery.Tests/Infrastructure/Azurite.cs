using System.Diagnostics;

namespace DroneDelivery.Tests.Infrastructure;

/// <summary>
/// A private Azurite table service (and queue service, when asked for) on free loopback ports,
/// its data in a temporary folder that outlives a stop, so a restarted instance finds what was written.
/// </summary>
internal sealed class Azurite(bool withQueues = false) : IAsyncDisposable
{
    // Azurite's well-known development account; not a secret.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const int SigInt = 2;

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("drone-delivery-azurite-").FullName;
    private readonly List<Process> _processes = [];

    public int Port { get; } = FreePort.Next();

    public int QueuePort { get; } = withQueues ? FreePort.Next() : 0;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;"
        + (withQueues ? $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" : "");

    /// <summary>True between <see cref="StartAsync"/> and <see cref="StopAsync"/>.</summary>
    public bool IsRunning => _processes.Count > 0;

    public async Task StartAsync()
    {
        await StartServiceAsync(RepositoryPaths.AzuriteTable(), "--tableHost", "--tablePort", Port);
        if (withQueues)
        {
            await StartServiceAsync(RepositoryPaths.AzuriteQueue(), "--queueHost", "--queuePort", QueuePort);
        }
    }

    private async Task StartServiceAsync(string executable, string hostOption, string portOption, int port)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { hostOption, "127.0.0.1", portOption, port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--location", _dataFolder, "--skipApiVersionCheck", "--silent", "--disableTelemetry" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _processes.Add(process);
        // Dies with the test process, however that one ends.
        Processes.Watchdog.Guard(process.Id);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await Eventually.Until(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}; port {port} may have been taken while it was stopped.");
            }

            return await AnswersAsAzuriteAsync(port);
        }, TimeSpan.FromSeconds(30), $"Azurite to answer on port {port}");
    }

    /// <summary>
    /// True once the port answers as Azurite does. A bare TCP accept is not enough: while Azurite
    /// was stopped, another process of the test run may have taken its port for a moment, and the
    /// restarted Azurite, unable to listen, would be gone by the time the silos connect.
    /// </summary>
    private static async Task<bool> AnswersAsAzuriteAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"));
            return response.Headers.Server.ToString().StartsWith("Azurite", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Stops Azurite as Ctrl-C would, with SIGINT: the one signal on which it writes its data to disk
    /// before exiting (on SIGTERM or SIGKILL it loses up to five seconds of writes).
    /// </summary>
    public async Task StopAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                _ = Kill(process.Id, SigInt);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }

            process.Dispose();
        }

        _processes.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
