using IaCBot.Core.Comments;

namespace IaCBot.Core.Tests.Comments;

public sealed class DiffMarkersTests
{
    [Fact]
    public void Signs_of_a_real_update_move_to_the_first_column_and_keep_the_alignment()
    {
        var plan = TerraformOutput.TrimPlan(TerraformFixtures.Read("plan-text/update.simple-object.txt"));

        var lines = DiffMarkers.Apply(plan).Split('\n');

        Assert.Contains("!   resource \"tfcoremock_object\" \"object\" {", lines);
        Assert.Contains("!       object = {", lines);
        Assert.Contains("!           boolean = true -> false", lines);
        Assert.Contains("        id     = \"00e14fba-4d56-6cc5-b685-633555376e3f\"", lines);
        Assert.Equal(plan.Split('\n').Select(l => l.Length), lines.Select(l => l.Length));
    }

    [Fact]
    public void Replacement_becomes_a_changed_line_and_additions_and_removals_keep_their_sign()
    {
        var replace = DiffMarkers.Apply(TerraformFixtures.Read("plan-text/replace.simple-object.txt")).Split('\n');
        var create = DiffMarkers.Apply(TerraformFixtures.Read("plan-text/create.complex-nested.txt")).Split('\n');
        var destroy = DiffMarkers.Apply(TerraformFixtures.Read("plan-text/destroy.local_file.txt")).Split('\n');

        Assert.Contains("!   resource \"tfcoremock_object\" \"object\" {", replace);
        Assert.Contains("!       id     = \"a0ed13ec-116b-14c4-7437-418e217d3659\" -> \"63A9E8E8-71BC-4DAE-A66C-48CE393CCBD3\" # forces replacement", replace);
        Assert.Contains(create, line => line.StartsWith("+   resource \"tfcoremock_complex_resource\"", StringComparison.Ordinal));
        Assert.Contains(destroy, line => line.StartsWith("-   resource \"local_file\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Lines_without_a_sign_and_space_are_left_alone()
    {
        var text = "Plan: 1 to add, 0 to change, 0 to destroy.\n  # (1 unchanged attribute hidden)\n  -->arrow\n  +\n <= data \"x\" \"y\" {";

        Assert.Equal(text, DiffMarkers.Apply(text));
    }

    [Fact]
    public void Create_before_destroy_replacement_is_marked_as_changed()
    {
        Assert.Equal("!   resource \"a\" \"b\" {", DiffMarkers.Apply("+/- resource \"a\" \"b\" {"));
    }
}
