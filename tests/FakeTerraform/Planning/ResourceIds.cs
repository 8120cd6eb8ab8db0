using System.Globalization;

namespace FakeTerraform.Planning;

/// <summary>
/// Ids for created resources, derived from the address so that runs are reproducible; shaped like the
/// null provider's decimal ids.
/// </summary>
internal static class ResourceIds
{
    public static string For(string address)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in address)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (hash % 9_000_000_000_000_000_000UL + 1_000_000_000_000_000_000UL).ToString(CultureInfo.InvariantCulture);
    }
}
