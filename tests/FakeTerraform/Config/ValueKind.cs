namespace FakeTerraform.Config;

internal enum ValueKind
{
    Null,
    String,
    Number,
    Bool,
    Unknown,
}
