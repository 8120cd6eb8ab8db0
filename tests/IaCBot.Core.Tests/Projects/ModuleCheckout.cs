namespace IaCBot.Core.Tests.Projects;

/// <summary>Terraform snippets for checkouts whose directories call each other as modules.</summary>
internal static class ModuleCheckout
{
    public static string Calling(params string[] sources) =>
        string.Concat(sources.Select((source, i) => $"module \"m{i}\" {{\n  source = \"{source}\"\n}}\n\n"));

    public static string Backend => "terraform {\n  backend \"s3\" {\n    bucket = \"state\"\n  }\n}\n";

    public static TempCheckout WithModules(this TempCheckout checkout, params (string File, string Text)[] files)
    {
        foreach (var (file, text) in files)
        {
            checkout.Write(file, text);
        }

        return checkout;
    }
}
