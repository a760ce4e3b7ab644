namespace DroneDelivery.Deploy.Tests.Infrastructure;

/// <summary>What one <c>bicep build</c> printed: ARM JSON on stdout, diagnostics on stderr.</summary>
internal sealed record BicepBuild(int ExitCode, string Json, string Diagnostics);
