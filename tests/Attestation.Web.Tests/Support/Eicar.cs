using System.Text;

namespace Attestation.Web.Tests.Support;

/// <summary>
/// The EICAR anti-malware test file: 68 harmless bytes every antivirus reports as a virus. Put together at run time
/// from pieces, so that no file of the repository (nor a constant folded into the test assembly) is itself flagged.
/// </summary>
public static class Eicar
{
    private static readonly string[] Pieces = ["X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-", "ANTIVIRUS-", "TEST-FILE!$H+H*"];

    /// <summary>The name the fake clamd gives it, as ClamAV's signature «Eicar-Test-Signature» does.</summary>
    public const string Signature = "Eicar-Test-Signature";

    public static byte[] File() => Encoding.ASCII.GetBytes(string.Concat(Pieces));

    /// <summary>A PDF header with the test string in its body: a file that passes every check but the antivirus.</summary>
    public static byte[] InPdf() => [.. "%PDF-1.4\n%"u8.ToArray(), .. File(), .. "\n%%EOF\n"u8.ToArray()];
}
