using IaCBot.Core.Redaction;
using IaCBot.Core.Terraform;
using IaCBot.Core.Tests.Doubles;

namespace IaCBot.Core.Tests.Terraform;

/// <summary>Which terraform commands selecting a project's workspace starts.</summary>
public sealed class WorkspaceSelectionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("iacbot-workspace-").FullName;
    private readonly ScriptedProcessRunner _processes = new(Redactor.None);

    private TerraformRunner Runner => new(_processes, new TerraformSettings("terraform", TimeSpan.FromMinutes(1)));

    [Fact]
    public async Task A_fresh_directory_is_in_the_default_workspace_without_starting_terraform()
    {
        var step = await Runner.SelectWorkspaceAsync(TerraformInvocation.In("terraform", _dir), "default", CancellationToken.None);

        Assert.True(step.Succeeded);
        Assert.Empty(_processes.Specs);
    }

    [Fact]
    public async Task A_workspace_already_selected_in_the_data_directory_is_not_selected_again()
    {
        SelectInDataDirectory(".terraform", "staging");

        var step = await Runner.SelectWorkspaceAsync(TerraformInvocation.In("terraform", _dir), "staging", CancellationToken.None);

        Assert.True(step.Succeeded);
        Assert.Empty(_processes.Specs);
    }

    [Fact]
    public async Task Another_workspace_is_selected_with_terraform_and_created_when_select_fails()
    {
        _processes.Answer(["workspace", "select"], 1, "Workspace \"staging\" doesn't exist.");
        _processes.Answer(["workspace", "new"], 0, "Created and switched to workspace \"staging\"!");

        var step = await Runner.SelectWorkspaceAsync(TerraformInvocation.In("terraform", _dir), "staging", CancellationToken.None);

        Assert.True(step.Succeeded);
        Assert.Equal(
            [["workspace", "select", "staging"], ["workspace", "new", "staging"]],
            _processes.Specs.Select(s => s.Arguments.ToArray()).ToArray());
    }

    [Fact]
    public async Task The_data_directory_named_by_TF_DATA_DIR_is_the_one_read()
    {
        SelectInDataDirectory(".terraform", "staging");
        SelectInDataDirectory("tfdata", "prod");
        var at = new TerraformInvocation("terraform", _dir, new Dictionary<string, string?> { ["TF_DATA_DIR"] = "tfdata" });

        await Runner.SelectWorkspaceAsync(at, "staging", CancellationToken.None);

        Assert.Equal([["workspace", "select", "staging"]], _processes.Specs.Select(s => s.Arguments.ToArray()).ToArray());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void SelectInDataDirectory(string dataDirectory, string workspace)
    {
        Directory.CreateDirectory(Path.Combine(_dir, dataDirectory));
        File.WriteAllText(Path.Combine(_dir, dataDirectory, "environment"), workspace);
    }
}
