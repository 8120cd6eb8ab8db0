using System.Text;
using FakeTerraform.Commands;
using FakeTerraform.Logging;

namespace FakeTerraform;

internal static class FakeTerraformApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var environment = RunContext.ProcessEnvironment();
        var directory = Environment.CurrentDirectory;
        var log = new InvocationLog(environment.GetValueOrDefault(InvocationLog.Variable), args, directory, environment);
        await log.StartAsync();

        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        await using var output = new StreamWriter(Console.OpenStandardOutput(), utf8) { NewLine = "\n" };
        await using var error = new StreamWriter(Console.OpenStandardError(), utf8) { NewLine = "\n", AutoFlush = true };
        var context = new RunContext(directory, environment, output, error, Console.In);
        int exitCode;
        try
        {
            exitCode = await new CommandRouter(context).RunAsync(args);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException or System.Text.Json.JsonException)
        {
            // A fault in the fake itself: say so plainly instead of posing as a terraform error.
            await error.WriteAsync($"fake terraform failed: {e.GetType().Name}: {e.Message}\n");
            exitCode = 1;
        }

        await output.FlushAsync();

        await log.EndAsync(exitCode);
        return exitCode;
    }
}
