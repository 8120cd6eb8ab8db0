using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;

namespace IaCBot.Core.Redaction;

/// <summary>
/// Masks known secret values as <c>***</c> in text on its way to a PR comment, a commit status, a log, a stored
/// record or an exception message. Besides each value itself it masks the forms the value travels in: URL-encoded
/// (a secret in a URL or a form body), base64 (a Basic credential) and base64 of <c>x-access-token:</c> followed by
/// the value, which is the Authorization header git sends the host token in.
/// </summary>
public sealed class Redactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>
    /// Values shorter than this are not masked. Masking a one-, two- or three-character value would put <c>***</c>
    /// in place of that text wherever it occurs (in words, numbers and paths), leaving output unreadable, and the
    /// places it appears would hint at the value itself; a value that short would not keep a secret anyway.
    /// </summary>
    public const int MinimumLength = 4;

    private readonly string[] _values;
    private readonly string[] _forms;

    public Redactor(IEnumerable<string?> values)
    {
        _values = [.. values.OfType<string>().Where(IsMaskable).Distinct(StringComparer.Ordinal)];

        // Longest first, so a secret that contains another is masked whole rather than around the shorter one.
        _forms = [.. _values.SelectMany(FormsOf).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length).ThenBy(f => f, StringComparer.Ordinal)];
    }

    /// <summary>Masks nothing: for tests and tools that run without secrets.</summary>
    public static Redactor None { get; } = new([]);

    /// <summary>The values this masks (each at least <see cref="MinimumLength"/> characters).</summary>
    public IReadOnlyList<string> Values => _values;

    public bool IsEmpty => _forms.Length == 0;

    /// <summary>The length of the longest text this masks (a secret in its longest form), or 0 when it masks nothing.</summary>
    public int LongestForm => _forms.Length == 0 ? 0 : _forms[0].Length;

    /// <summary>True when the value is long enough to be masked (see <see cref="MinimumLength"/>).</summary>
    public static bool IsMaskable(string? value) => value is { Length: >= MinimumLength } && !string.IsNullOrWhiteSpace(value);

    /// <summary>A redactor that also masks <paramref name="more"/>, such as a project's sensitive terraform values.</summary>
    public Redactor With(IEnumerable<string?> more)
    {
        var extra = more.OfType<string>().Where(v => IsMaskable(v) && !_values.Contains(v, StringComparer.Ordinal)).ToList();
        return extra.Count == 0 ? this : new Redactor([.. _values, .. extra]);
    }

    [return: NotNullIfNotNull(nameof(text))]
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var form in _forms)
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                text = text.Replace(form, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>True when <paramref name="text"/> holds a secret in any of the forms masked.</summary>
    public bool Reveals(string? text) =>
        !string.IsNullOrEmpty(text) && _forms.Any(f => text.Contains(f, StringComparison.Ordinal));

    /// <summary>
    /// The exception itself when its text holds no secret; otherwise a <see cref="RedactedException"/> carrying its
    /// masked message and details, so whoever logs or stores it sees the same text with the secrets masked.
    /// </summary>
    [return: NotNullIfNotNull(nameof(exception))]
    public Exception? Redact(Exception? exception) =>
        exception is null or RedactedException || !Reveals(exception.ToString())
            ? exception
            : new RedactedException(exception.GetType().FullName ?? exception.GetType().Name, Redact(exception.Message), Redact(exception.ToString()));

    private static IEnumerable<string> FormsOf(string value)
    {
        yield return value;
        yield return Uri.EscapeDataString(value);
        yield return WebUtility.UrlEncode(value);
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + value));
    }
}
