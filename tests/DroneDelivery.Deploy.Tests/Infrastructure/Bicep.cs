using System.Diagnostics;
using System.Reflection;

namespace DroneDelivery.Deploy.Tests.Infrastructure;

/// <summary>The Bicep compiler shipped in the Azure.Bicep.CommandLine.linux-x64 package this project references.</summary>
internal static class Bicep
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Compiles a template to ARM JSON; the output holds every diagnostic (warnings and errors) Bicep printed.</summary>
    public static async Task<BicepBuild> BuildAsync(string templatePath)
    {
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("build");
        start.ArgumentList.Add(templatePath);
        start.ArgumentList.Add("--stdout");
        // No telemetry, and no check for a newer version (there is no network to ask).
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(BuildTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return new BicepBuild(process.ExitCode, await stdout, await stderr);
    }

    private static string Executable()
    {
        var packageRoot = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPackageRoot").Value;
        Assert.False(string.IsNullOrEmpty(packageRoot), "The Azure.Bicep.CommandLine.linux-x64 package path was not recorded at build time.");
        var path = Path.Combine(packageRoot!, "tools", "bicep");
        Assert.True(File.Exists(path), $"The Bicep compiler is not at {path}.");
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            // NuGet does not always keep the executable bit when it extracts a package.
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }
}
