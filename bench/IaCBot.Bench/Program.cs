using IaCBot.Bench.Intake;

// dotnet run -c Release --project bench/IaCBot.Bench -- intake [--smoke] [options]; see README, Performance.
if (args.Length == 0 || args[0] != "intake")
{
    await Console.Error.WriteLineAsync("usage: IaCBot.Bench intake [--smoke] [--levels 1,8,32,64] [--per-level N] [--burst N] [--rate N] [--seconds N] [--keep] [--work-dir DIR]");
    return 2;
}

try
{
    return await new IntakeBenchmark(IntakeOptions.Parse(args[1..]), Console.Out).RunAsync();
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}
