using IaCBot.Core.Terraform;

namespace IaCBot.Core.Tests.Terraform;

/// <summary>The values a plan marks sensitive, from real and hand-made <c>terraform show -json</c> output.</summary>
public sealed class SensitivePlanValuesTests
{
    [Fact]
    public void A_sensitive_variable_and_what_it_flows_into_are_found_in_terraforms_own_output()
    {
        // test_var is sensitive in the configuration; its value reaches test_instance.test.ami and the output "test".
        var values = SensitivePlanValues.FromShowJson(Fixture("show-json.sensitive-values.json"));

        Assert.Equal(["boop"], values);
    }

    [Fact]
    public void Values_not_marked_sensitive_and_sensitive_values_shorter_than_four_characters_are_not_collected()
    {
        // Output "foo" is sensitive but its value is "bar"; "foo", "bar" and the map's values elsewhere are not sensitive.
        var values = SensitivePlanValues.FromShowJson(Fixture("terraform-json.sensitive-values.plan.json"));

        Assert.Empty(values);
    }

    [Fact]
    public void Masks_are_followed_into_nested_objects_and_lists_on_both_sides_of_a_change()
    {
        const string json = """
            {"format_version":"1.2","resource_changes":[{"address":"db.main","change":{
              "actions":["update"],
              "before":{"password":"old-password","tags":["public-tag","old-key-123"],"conn":{"user":"admin","pass":"old-pass"}},
              "after":{"password":"new-password","tags":["public-tag","new-key-456"],"conn":{"user":"admin","pass":"new-pass"}},
              "before_sensitive":{"password":true,"tags":[false,true],"conn":{"pass":true}},
              "after_sensitive":{"password":true,"tags":[false,true],"conn":{"pass":true}}}}]}
            """;

        var values = SensitivePlanValues.FromShowJson(json);

        Assert.Equal(["new-key-456", "new-pass", "new-password", "old-key-123", "old-pass", "old-password"], values);
    }

    [Fact]
    public void A_whole_sensitive_value_gives_every_string_in_it_and_no_numbers_or_booleans()
    {
        const string json = """
            {"format_version":"1.2","output_changes":{"creds":{"actions":["create"],"before":null,
              "after":{"key":"access-key-1","port":5432,"enabled":true,"list":["secret-a","secret-b"]},
              "before_sensitive":false,"after_sensitive":true}}}
            """;

        Assert.Equal(["access-key-1", "secret-a", "secret-b"], SensitivePlanValues.FromShowJson(json));
    }

    [Fact]
    public void Sensitive_variables_drift_child_modules_and_the_prior_state_are_read()
    {
        const string json = """
            {"format_version":"1.2",
             "variables":{"db_password":{"value":"var-secret-1"},"region":{"value":"eu-west-1"}},
             "configuration":{"root_module":{"variables":{"db_password":{"sensitive":true},"region":{}}}},
             "resource_drift":[{"address":"a.b","change":{"actions":["update"],"before":{"k":"drift-old"},"after":{"k":"drift-new"},
               "before_sensitive":{"k":true},"after_sensitive":{"k":true}}}],
             "planned_values":{"root_module":{"child_modules":[{"resources":[{"address":"module.m.x.y",
               "values":{"token":"module-token","name":"plain-name"},"sensitive_values":{"token":true}}]}]}},
             "prior_state":{"values":{"outputs":{"old":{"sensitive":true,"value":"state-secret"},"shown":{"sensitive":false,"value":"visible"}}}}}
            """;

        var values = SensitivePlanValues.FromShowJson(json);

        Assert.Equal(["drift-new", "drift-old", "module-token", "state-secret", "var-secret-1"], values);
    }

    [Fact]
    public void Text_that_is_not_json_gives_nothing()
    {
        Assert.Empty(SensitivePlanValues.FromShowJson("Error: not a plan"));
    }

    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "terraform", "plan-json", name));
}
