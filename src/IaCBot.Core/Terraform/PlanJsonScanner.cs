using System.Buffers;
using System.Text.Json;

namespace IaCBot.Core.Terraform;

/// <summary>
/// Counts a plan's changes from <c>terraform show -json</c> token by token, so a plan of hundreds of megabytes is read
/// with a buffer the size of its longest token, never the whole document in memory. Knows the few paths the summary
/// needs: <c>format_version</c>, <c>resource_changes[].change.actions[]</c> and <c>.importing</c>, and
/// <c>output_changes.*.actions[]</c>.
/// </summary>
internal sealed class PlanJsonScanner
{
    private const int BufferSize = 64 * 1024;
    private const string InArray = "[]";

    // The open containers, outermost first, each with the key it was reached by: a property name, or "[]".
    private readonly List<(string Key, bool IsArray)> _open = [];
    private readonly List<string?> _actions = [];
    private string _property = "";
    private bool _importing;
    private bool _isPlan;
    private bool _outputsChange;
    private int _add, _change, _destroy, _import;

    /// <summary>The summary, or null when the text is JSON but not a plan in terraform's format.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static async Task<PlanSummary?> ScanAsync(Stream json, CancellationToken cancellationToken)
    {
        var scanner = new PlanJsonScanner();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var state = new JsonReaderState();
            var filled = 0;
            while (true)
            {
                var read = await json.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                filled += read;
                var consumed = scanner.Scan(buffer.AsSpan(0, filled), final: read == 0, ref state);
                if (read == 0)
                {
                    return scanner.Result();
                }

                filled -= consumed;
                buffer.AsSpan(consumed, filled).CopyTo(buffer);
                if (filled == buffer.Length)
                {
                    // One token longer than the buffer (a huge string value): make room for the rest of it.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc cref="ScanAsync"/>
    public static PlanSummary? Scan(ReadOnlySpan<byte> json)
    {
        var scanner = new PlanJsonScanner();
        var state = new JsonReaderState();
        scanner.Scan(json, final: true, ref state);
        return scanner.Result();
    }

    private PlanSummary? Result() => _isPlan ? new PlanSummary(_add, _change, _destroy, _import, _outputsChange) : null;

    private int Scan(ReadOnlySpan<byte> bytes, bool final, ref JsonReaderState state)
    {
        var reader = new Utf8JsonReader(bytes, final, state);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    _property = reader.GetString() ?? "";
                    _isPlan |= _open.Count == 1 && _property == "format_version";
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    Open(isArray: reader.TokenType == JsonTokenType.StartArray);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    Close();
                    break;
                case JsonTokenType.String:
                    Value(reader.GetString());
                    break;
            }
        }

        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private void Open(bool isArray)
    {
        if (_open.Count == 0 && isArray)
        {
            // A plan is an object; an array at the top is something else, and need not be read to the end.
            throw new JsonException("Not a plan.");
        }

        _open.Add((_open.Count > 0 && _open[^1].IsArray ? InArray : _property, isArray));
        _importing |= !isArray && At("resource_changes", InArray, "change", "importing");
    }

    private void Close()
    {
        if (At("resource_changes", InArray, "change"))
        {
            _add += _actions.Count(a => a == "create");
            _change += _actions.Count(a => a == "update");
            _destroy += _actions.Count(a => a == "delete");
            _import += _importing ? 1 : 0;
            _actions.Clear();
            _importing = false;
        }

        _open.RemoveAt(_open.Count - 1);
    }

    private void Value(string? value)
    {
        if (At("resource_changes", InArray, "change", "actions"))
        {
            _actions.Add(value);
        }
        else if (_open.Count == 4 && _open[1].Key == "output_changes" && _open[3].Key == "actions" && value != "no-op")
        {
            _outputsChange = true;
        }
    }

    /// <summary>Whether the open containers below the top-level object are exactly <paramref name="keys"/>.</summary>
    private bool At(params ReadOnlySpan<string> keys)
    {
        if (_open.Count != keys.Length + 1)
        {
            return false;
        }

        for (var i = 0; i < keys.Length; i++)
        {
            if (_open[i + 1].Key != keys[i])
            {
                return false;
            }
        }

        return true;
    }
}
