using System.Diagnostics;
using System.Globalization;

namespace DroneDelivery.Tests.Processes;

/// <summary>
/// One real OS process of the system (a silo, a gateway, the simulator), started from its built
/// assembly with <c>--Key=Value</c> settings, its output appended to a log file, and killed,
/// terminated or restarted with the same settings and ports.
/// </summary>
internal sealed class HostProcess(string name, string assembly, IReadOnlyList<string> settings, string logFile, Uri? readiness = null) : IAsyncDisposable
{
    private readonly Lock _logLock = new();
    private Process? _process;
    private StreamWriter? _log;

    public string Name { get; } = name;

    /// <summary>The process's own HTTP address (health, API), when it serves one.</summary>
    public Uri? Address { get; } = readiness is null ? null : new Uri(readiness.GetLeftPart(UriPartial.Authority));

    public string LogFile { get; } = logFile;

    /// <summary>The warnings and errors it logged, with its start and stop lines, across restarts.</summary>
    public HostWarnings Warnings { get; } = new();

    public bool IsRunning => _process is { HasExited: false };

    public int? ExitCode { get; private set; }

    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        // The settings come from the arguments only, as in production; no launch profile, no developer environment.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        _log = new StreamWriter(LogFile, append: true) { AutoFlush = true };
        Write($"===== {Name} starting {DateTimeOffset.UtcNow:O} =====");
        ExitCode = null;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start.");
        process.OutputDataReceived += (_, line) => Write(line.Data);
        process.ErrorDataReceived += (_, line) => Write(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Watchdog.Guard(process.Id);
    }

    /// <summary>Waits until the process answers 200 on its readiness URL; fails early if it exits.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        if (readiness is null)
        {
            return;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (!IsRunning)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process?.ExitCode} before it was ready; see {LogFile}.");
            }

            try
            {
                if ((await http.GetAsync(readiness)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} was not ready at {readiness} within {timeout}; see {LogFile}.");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>kill -9: the process dies on the spot, nothing is flushed or handed over.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process && !process.HasExited)
        {
            Write($"===== {Name} killed (SIGKILL) {DateTimeOffset.UtcNow:O} =====");
            Signals.Send(process.Id, Signals.Kill);
            await process.WaitForExitAsync();
        }

        Release();
    }

    /// <summary>SIGTERM, as an orchestrator stops a pod, and waits for the process to exit on its own; returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (_process is not { } process)
        {
            throw new InvalidOperationException($"{Name} is not running.");
        }

        Write($"===== {Name} terminated (SIGTERM) {DateTimeOffset.UtcNow:O} =====");
        Signals.Send(process.Id, Signals.Terminate);
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new TimeoutException($"{Name} did not exit within {timeout} of SIGTERM; see {LogFile}.");
        }

        var code = process.ExitCode;
        Release();
        return code;
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private void Release()
    {
        if (_process is { } process)
        {
            // Drain the output already read before the log is closed.
            process.WaitForExit();
            ExitCode = process.ExitCode;
            process.Dispose();
            _process = null;
        }

        lock (_logLock)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log?.WriteLine(line);
            Warnings.Read(line);
        }
    }

    public override string ToString() => Name + (Address is null ? "" : string.Create(CultureInfo.InvariantCulture, $" {Address}"));
}
