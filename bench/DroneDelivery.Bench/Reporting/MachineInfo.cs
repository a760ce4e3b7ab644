using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DroneDelivery.Bench.Reporting;

/// <summary>What the figures were measured on; ratios travel between machines, absolute figures do not.</summary>
public sealed record MachineInfo(int Cores, string Os, string Architecture, string Runtime, bool ServerGc, string? Commit)
{
    public static MachineInfo Current(string? repositoryRoot) => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.OSArchitecture.ToString(),
        RuntimeInformation.FrameworkDescription,
        System.Runtime.GCSettings.IsServerGC,
        repositoryRoot is null ? null : ReadCommit(repositoryRoot));

    /// <summary>The checked-out commit, with <c>-dirty</c> when the tree has changes; null without git.</summary>
    private static string? ReadCommit(string root)
    {
        var head = Git(root, "rev-parse", "HEAD");
        if (head is null)
        {
            return null;
        }

        return string.IsNullOrEmpty(Git(root, "status", "--porcelain", "--untracked-files=no")) ? head : head + "-dirty";
    }

    private static string? Git(string root, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
