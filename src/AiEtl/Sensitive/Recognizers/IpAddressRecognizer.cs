using System.Net;
using System.Text.RegularExpressions;

#if AIETL_GENERATOR
// The generator compiles this file too (AiEtl.Generators.csproj): [EtlRecord(Sample = ...)] suggests [Sensitive] with the same rules.
using System;
using System.Collections.Generic;
using System.Linq;

namespace AiEtl.Generators.Inference;
#else
namespace AiEtl;
#endif

/// <summary>IPv4 addresses (four numbers up to 255) and IPv6 addresses (hexadecimal groups with colons, <c>::</c> allowed).</summary>
internal sealed partial class IpAddressRecognizer : Recognizer
{
    private static readonly HashSet<string> Context = Words("ip", "ipaddress", "ipv4", "ipv6", "host", "client", "remote", "addr");

    public override SensitiveDataKind Kind => SensitiveDataKind.IpAddress;

    public override ISet<string> ContextWords => Context;

    public override double ContextBoost => 0.2;

    public override (double Strength, bool Pattern) Match(string value)
    {
        if (V4().IsMatch(value))
        {
            return (value.Split('.').All(part => int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) <= 255) ? 0.9 : 0, true);
        }

        // A time (10:22:06) has colons too: an IPv6 address has at least two groups of hexadecimals and either :: or eight groups.
        var v6 = value.Count(c => c == ':') >= 2 && (value.Contains("::", StringComparison.Ordinal) || value.Count(c => c == ':') == 7)
            && V6().IsMatch(value) && IPAddress.TryParse(value, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        return v6 ? (1, true) : (0, false);
    }

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex V4();

    [GeneratedRegex(@"^[0-9A-Fa-f:]+$", RegexOptions.CultureInvariant)]
    private static partial Regex V6();
}
