using System.Text;

namespace IaCBot.Infrastructure.Terraform;

/// <summary>OpenPGP's ASCII armor (RFC 4880, section 6.2): a BEGIN line, headers, a blank line, base64, a checksum, an END line.</summary>
internal static class OpenPgpArmor
{
    private const string Begin = "-----BEGIN PGP ";
    private const string End = "-----END PGP ";

    public static bool IsArmored(byte[] bytes) =>
        Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 256)).TrimStart().StartsWith(Begin, StringComparison.Ordinal);

    /// <summary>The binary packets of the first armored block, or null when it is cut short or not base64.</summary>
    public static byte[]? Remove(byte[] armored)
    {
        var lines = Encoding.ASCII.GetString(armored).Split('\n').Select(l => l.TrimEnd('\r', ' ', '\t'));
        var body = new StringBuilder();
        var state = 0; // 0: before BEGIN, 1: headers, 2: base64
        foreach (var line in lines)
        {
            switch (state)
            {
                case 0 when line.StartsWith(Begin, StringComparison.Ordinal):
                    state = 1;
                    break;
                case 1 when line.Length == 0:
                    state = 2;
                    break;
                case 2 when line.StartsWith(End, StringComparison.Ordinal) || line.StartsWith('='):
                    return Decode(body.ToString());
                case 2:
                    body.Append(line);
                    break;
            }
        }

        return null;
    }

    private static byte[]? Decode(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) && written > 0 ? bytes[..written] : null;
    }
}
