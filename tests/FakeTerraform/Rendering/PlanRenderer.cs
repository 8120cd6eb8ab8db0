using System.Text;
using FakeTerraform.Planning;

namespace FakeTerraform.Rendering;

/// <summary>The human plan as terraform 1.5 prints it for <c>plan</c> and for <c>show PLANFILE</c>.</summary>
internal static class PlanRenderer
{
    public static string Render(SavedPlan plan, Colorizer color)
    {
        var text = new StringBuilder();
        var changes = plan.Changes.Where(c => c.Action != ChangeAction.NoOp).ToList();
        var outputs = OutputChangesRenderer.Render(plan.OutputChanges, color);
        if (changes.Count == 0 && outputs.Length == 0)
        {
            return NoChanges(plan.Mode, color);
        }

        if (changes.Count > 0)
        {
            text.Append(TextWrap.WordWrap(
                "\nTerraform used the selected providers to generate the following execution plan. Resource actions are indicated with the following symbols:"))
                .Append('\n');
            foreach (var action in new[] { ChangeAction.Create, ChangeAction.Update, ChangeAction.Delete }.Where(a => plan.Count(a) > 0))
            {
                text.Append(color.Color(ActionSymbols.Legend(action))).Append('\n');
            }

            text.Append("\nTerraform will perform the following actions:\n");
            foreach (var change in changes)
            {
                text.Append('\n').Append(ResourceChangeRenderer.Render(change, color)).Append('\n');
            }

            text.Append(color.Color("\n[bold]Plan:[reset] "))
                .Append($"{plan.Count(ChangeAction.Create)} to add, {plan.Count(ChangeAction.Update)} to change, {plan.Count(ChangeAction.Delete)} to destroy.\n");
        }

        if (outputs.Length > 0)
        {
            text.Append("\nChanges to Outputs:\n").Append(outputs).Append('\n');
            if (changes.Count == 0)
            {
                text.Append(TextWrap.WordWrap(
                    "\nYou can apply this plan to save these new output values to the Terraform state, without changing any real infrastructure."))
                    .Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// What follows a plan that has changes, unless TF_IN_AUTOMATION is set: a rule, then either where the plan
    /// was saved or a note that it was not.
    /// </summary>
    public static string NextStep(string? planPath, Colorizer color)
    {
        var rule = color.Color("[dark_gray]\n" + new string('─', TextWrap.Columns - 1)) + "\n";
        if (planPath is null)
        {
            return rule + "\n" + TextWrap.WordWrap(
                "Note: You didn't use the -out option to save this plan, so Terraform can't guarantee to take exactly these actions if you run \"terraform apply\" now.") + "\n";
        }

        return rule + $"\nSaved the plan to: {planPath}\n\nTo perform exactly these actions, run the following command to apply:\n    terraform apply {ValueRenderer.Quote(planPath)}\n";
    }

    private static string NoChanges(PlanMode mode, Colorizer color) => mode == PlanMode.Destroy
        ? color.Color("\n[reset][bold][green]No changes.[reset][bold] No objects need to be destroyed.[reset]\n\n")
          + TextWrap.WordWrap("Either you have not created any objects yet or the existing objects were already deleted outside of Terraform.") + "\n"
        : color.Color("\n[reset][bold][green]No changes.[reset][bold] Your infrastructure matches the configuration.[reset]\n\n")
          + TextWrap.WordWrap("Terraform has compared your real infrastructure against your configuration and found no differences, so no changes are needed.") + "\n";
}
