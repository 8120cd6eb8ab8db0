namespace FakeTerraform.Commands;

/// <summary>
/// Terraform's global view options, taken out of the arguments before flag parsing and wherever they stand;
/// only the exact spellings count, as in arguments.ParseView.
/// </summary>
internal sealed record ViewArguments(bool NoColor, IReadOnlyList<string> Rest)
{
    public static ViewArguments Parse(IReadOnlyList<string> args) => new(
        args.Contains("-no-color"),
        [.. args.Where(a => a is not ("-no-color" or "-compact-warnings"))]);
}
