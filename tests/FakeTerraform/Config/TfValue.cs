namespace FakeTerraform.Config;

/// <summary>
/// One primitive value as terraform sees it. <see cref="Sensitive"/> is terraform's sensitive mark, carried
/// with the value. For an unknown value <see cref="Text"/> names what it will come from at apply
/// ("TYPE.NAME.ATTR"), so the apply step can fill it in.
/// </summary>
internal sealed record TfValue(ValueKind Kind, string Text, bool Sensitive = false)
{
    public static TfValue Null { get; } = new(ValueKind.Null, "null");

    public static TfValue String(string text) => new(ValueKind.String, text);

    public static TfValue Number(string text) => new(ValueKind.Number, text);

    public static TfValue Bool(bool value) => new(ValueKind.Bool, value ? "true" : "false");

    public static TfValue Unknown(string source) => new(ValueKind.Unknown, source);

    public bool IsNull => Kind == ValueKind.Null;

    public bool IsKnown => Kind != ValueKind.Unknown;

    public TfValue MarkSensitive(bool sensitive = true) => sensitive && !Sensitive ? this with { Sensitive = true } : this;

    /// <summary>Equal as data, whatever the marks: a value that only became sensitive is not a change.</summary>
    public bool SameData(TfValue other) => Kind == other.Kind && Text == other.Text;

    public string TypeName => Kind switch
    {
        ValueKind.String => "string",
        ValueKind.Number => "number",
        ValueKind.Bool => "bool",
        _ => "dynamic",
    };
}
