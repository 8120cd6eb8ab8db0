namespace FakeTerraform.Cli;

/// <summary>A command line Go's flag package would reject; the message is Go's own wording.</summary>
internal sealed class FlagParseException(string message) : Exception(message);
