using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace DroneDelivery.GatewayApi.Auth;

/// <summary>
/// A business API key: <c>fdd.{businessId}.{keyId}.{secret}</c>. The business and key ids let
/// the gateway find the one grain that can check it; the 256-bit secret is what makes it a key.
/// Only its SHA-256 is ever stored: a slow hash adds nothing for a random 256-bit secret.
/// </summary>
public static partial class BusinessApiKey
{
    private const string Prefix = "fdd";

    public static (string KeyId, string Key) Create(string businessId)
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (keyId, $"{Prefix}.{businessId}.{keyId}.{secret}");
    }

    public static bool TryParse(string key, [NotNullWhen(true)] out string? businessId, [NotNullWhen(true)] out string? keyId)
    {
        businessId = keyId = null;
        var match = Format().Match(key);
        if (!match.Success)
        {
            return false;
        }

        businessId = match.Groups["business"].Value;
        keyId = match.Groups["key"].Value;
        return true;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    [GeneratedRegex(@"^fdd\.(?<business>biz-[0-9a-f]{32})\.(?<key>[0-9a-f]{12})\.[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Format();
}
