namespace FakeTerraform.Config;

internal sealed record LiteralExpression(TfValue Value) : Expression;
