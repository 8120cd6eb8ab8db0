using IaCBot.Bench.Intake;
using IaCBot.Bench.Memory;
using IaCBot.Bench.Monorepo;
using IaCBot.Bench.Overhead;

// dotnet run -c Release --project bench/IaCBot.Bench -- intake|monorepo|memory|overhead [options]; see README, Performance.
try
{
    return args switch
    {
        ["intake", .. var rest] => await new IntakeBenchmark(IntakeOptions.Parse(rest), Console.Out).RunAsync(),
        ["monorepo", .. var rest] => MonorepoBenchmark.Parse(rest).Run(),
        ["memory", .. var rest] => await new MemoryBenchmark(rest.Contains("--smoke"), Console.Out).RunAsync(),
        ["overhead", .. var rest] => await new OverheadBenchmark(OverheadOptions.Parse(rest), Console.Out).RunAsync(),
        _ => Usage(),
    };
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("usage: IaCBot.Bench intake [--smoke] [--levels 1,8,32,64] [--per-level N] [--burst N] [--rate N] [--seconds N] [--keep] [--work-dir DIR] [--storage litedb|postgres]");
    Console.Error.WriteLine("       IaCBot.Bench monorepo [--smoke]");
    Console.Error.WriteLine("       IaCBot.Bench memory [--smoke]");
    Console.Error.WriteLine("       IaCBot.Bench overhead [--smoke] [--repeat N] [--delay SECONDS]");
    return 2;
}
