using System.Text.Json;

namespace IaCBot.Core.Terraform;

/// <summary>
/// Counts what a saved plan would do, from <c>terraform show -json</c>, and words it as terraform does
/// (<c>Plan: 1 to add, 0 to change, 0 to destroy.</c>). Reading the JSON rather than scraping the text keeps the
/// summary right whatever terraform version or custom step printed the plan.
/// </summary>
/// <seealso href="https://developer.hashicorp.com/terraform/internals/json-format#plan-representation"/>
public sealed record PlanSummary(int Add, int Change, int Destroy, int Import, bool OutputsChange)
{
    public bool HasChanges => Add + Change + Destroy + Import > 0 || OutputsChange;

    public override string ToString()
    {
        if (!HasChanges)
        {
            return "No changes.";
        }

        var import = Import > 0 ? $"{Import} to import, " : "";
        return $"Plan: {import}{Add} to add, {Change} to change, {Destroy} to destroy.";
    }

    /// <summary>Reads the summary, or returns null when the text is not a plan in terraform's JSON format.</summary>
    public static PlanSummary? FromShowJson(string json)
    {
        try
        {
            return PlanJsonScanner.Scan(System.Text.Encoding.UTF8.GetBytes(json));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the summary from a file of <c>terraform show -json</c> output without loading it whole: a big plan's JSON
    /// runs to hundreds of megabytes. Null when the file is not a plan in terraform's JSON format.
    /// </summary>
    public static async Task<PlanSummary?> FromShowJsonFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        return await Read(stream, cancellationToken);
    }

    private static async Task<PlanSummary?> Read(Stream stream, CancellationToken cancellationToken)
    {
        try
        {
            return await PlanJsonScanner.ScanAsync(stream, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
