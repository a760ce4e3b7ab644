using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace DroneDelivery.Bench.Infrastructure;

/// <summary>
/// Azurite's table service on a free loopback port, with its data in a temporary folder that is
/// deleted afterwards: every run starts from empty tables, so runs compare like with like.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's published development account key: not a secret.
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _folder = Directory.CreateTempSubdirectory("drone-bench-azurite-").FullName;
    private readonly int _port = FreePort.Next();
    private Process? _process;

    /// <summary>The table service's port on loopback.</summary>
    public int Port => _port;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};TableEndpoint=http://127.0.0.1:{_port}/devstoreaccount1;";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(RepositoryRoot.AzuriteBinary("AZURITE_TABLE_BIN", "azurite-table"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] args = ["--tableHost", "127.0.0.1", "--tablePort", _port.ToString(CultureInfo.InvariantCulture),
            "--location", _folder, "--skipApiVersionCheck", "--silent", "--disableTelemetry"];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        // Drain its output so a full pipe never blocks it.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await IsListeningAsync(cancellationToken))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("Azurite did not start listening within 30 s.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            // Its data is thrown away, so there is nothing to flush: kill it.
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private async Task<bool> IsListeningAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", _port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
