using CsCheck;
using Xunit.Sdk;

namespace IaCBot.Core.Tests.Commands;

/// <summary>Runs a CsCheck generator from a fixed seed, so every run (and CI) checks the very same cases.</summary>
/// <remarks>
/// CsCheck's <c>Sample(seed: ...)</c> only fixes the first case and spreads the rest over threads, so a failure could
/// come and go between runs. Here each case's own seed is derived from the fixed one and printed on failure; pass it to
/// <c>gen.Sample(assert, seed: "...")</c> to let CsCheck shrink that case.
/// </remarks>
internal static class FixedSeedProperty
{
    public static void Check<T>(Gen<T> gen, ulong seed, int cases, Action<T> assert)
    {
        var master = new PCG(7, seed);
        for (var i = 0; i < cases; i++)
        {
            var casePcg = new PCG(7, master.Next64());
            var caseSeed = casePcg.ToString();
            var value = gen.Generate(casePcg, null, out _);
            try
            {
                assert(value);
            }
            catch (Exception e)
            {
                throw new XunitException($"Case {i} (CsCheck seed \"{caseSeed}\") failed for {Show(value)}: {e.Message}");
            }
        }
    }

    private static string Show<T>(T value) =>
        value is string text
            ? "\"" + string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString())) + "\""
            : value?.ToString() ?? "null";
}
