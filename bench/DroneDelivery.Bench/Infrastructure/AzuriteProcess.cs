using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace DroneDelivery.Bench.Infrastructure;

/// <summary>
/// Azurite's table service (and its queue service, when asked for) on free loopback ports, with
/// their data in a temporary folder that is deleted afterwards: every run starts from empty
/// tables and queues, so runs compare like with like.
/// </summary>
public sealed class AzuriteProcess(bool withQueues = false) : IAsyncDisposable
{
    // Azurite's published development account key: not a secret.
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _folder = Directory.CreateTempSubdirectory("drone-bench-azurite-").FullName;
    private readonly List<Process> _processes = [];

    /// <summary>The table service's port on loopback.</summary>
    public int Port { get; } = FreePort.Next();

    /// <summary>The queue service's port on loopback; 0 without queues.</summary>
    public int QueuePort { get; } = withQueues ? FreePort.Next() : 0;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;"
        + (withQueues ? $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" : "");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await StartServiceAsync("AZURITE_TABLE_BIN", "azurite-table", "--tableHost", "--tablePort", Port, cancellationToken);
        if (withQueues)
        {
            await StartServiceAsync("AZURITE_QUEUE_BIN", "azurite-queue", "--queueHost", "--queuePort", QueuePort, cancellationToken);
        }
    }

    private async Task StartServiceAsync(string variable, string name, string hostOption, string portOption, int port, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(RepositoryRoot.AzuriteBinary(variable, name))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] args = [hostOption, "127.0.0.1", portOption, port.ToString(CultureInfo.InvariantCulture),
            "--location", _folder, "--skipApiVersionCheck", "--silent", "--disableTelemetry"];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        _processes.Add(process);
        // Drain its output so a full pipe never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await IsListeningAsync(port, cancellationToken))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{name} did not start listening within 30 s.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                // Its data is thrown away, so there is nothing to flush: kill it.
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
