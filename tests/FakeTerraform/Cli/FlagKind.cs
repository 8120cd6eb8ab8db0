namespace FakeTerraform.Cli;

internal enum FlagKind
{
    Bool,
    String,
    Int,
    Duration,
}
