using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace DroneDelivery.ServiceDefaults.Operator;

/// <summary>
/// The one place configured keys are checked, for the gateway's API and the silo's dashboard.
/// Keys are hashed once per configuration change, not per request; a presented key is compared
/// in constant time against every configured one, so timing says nothing about them.
/// </summary>
public sealed class OperatorKeys : IDisposable
{
    private readonly IDisposable? _subscription;
    private volatile Hashed _keys;

    public OperatorKeys(IOptionsMonitor<OperatorOptions> options)
    {
        _keys = Hash(options.CurrentValue);
        _subscription = options.OnChange(changed => _keys = Hash(changed));
    }

    public bool IsOperatorKey(ReadOnlySpan<byte> keyHash) => Matches(_keys.Operator, keyHash);

    public bool IsDroneKey(ReadOnlySpan<byte> keyHash) => Matches(_keys.Drone, keyHash);

    /// <summary>
    /// A key for signing short-lived operator tickets, derived from every configured operator
    /// key: all hosts with the same keys agree on it, and changing the keys voids every ticket.
    /// </summary>
    public ReadOnlySpan<byte> TicketSigningKey => _keys.TicketSigningKey;

    /// <summary>The SHA-256 of a presented key, the form every check here takes.</summary>
    public static byte[] HashOf(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public void Dispose() => _subscription?.Dispose();

    private static bool Matches(byte[][] configured, ReadOnlySpan<byte> keyHash)
    {
        var match = false;
        foreach (var hash in configured)
        {
            match |= CryptographicOperations.FixedTimeEquals(hash, keyHash);
        }

        return match;
    }

    private static Hashed Hash(OperatorOptions options)
    {
        byte[][] operators = [.. options.ApiKeys.Select(HashOf)];
        var material = operators.Select(Convert.ToHexString).Order(StringComparer.Ordinal).Prepend("operator-ticket-v1");
        return new(operators, [.. options.DroneApiKeys.Select(HashOf)], SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', material))));
    }

    private sealed record Hashed(byte[][] Operator, byte[][] Drone, byte[] TicketSigningKey);
}
