using IaCBot.Core.Projects.Modules;

namespace IaCBot.Core.Tests.Projects.Modules;

public sealed class JsonModuleReaderTests
{
    [Fact]
    public void Module_sources_are_read_from_objects_and_arrays()
    {
        var calls = JsonModuleReader.Read("""
            {
              "//": "generated",
              "module": {
                "network": { "source": "../modules/network" },
                "twice": [ { "source": "./a" }, { "source": "./b" } ],
                "broken": { "source": 42 }
              },
              "terraform": { "backend": { "s3": { "bucket": "b" } } }
            }
            """);

        Assert.Equal(["../modules/network", "./a", "./b"], calls.Sources);
        Assert.True(calls.DeclaresBackend);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[\"module\"]")]
    [InlineData("{\"resource\": {}}")]
    public void A_file_without_module_calls_or_broken_json_calls_none(string text)
    {
        Assert.Same(ModuleCalls.None, JsonModuleReader.Read(text));
    }
}
