using IaCBot.Core.Projects.Modules;

namespace IaCBot.Core.Tests.Projects.Modules;

public sealed class HclModuleReaderTests
{
    [Fact]
    public void The_source_of_each_top_level_module_block_is_read()
    {
        var calls = HclModuleReader.Read("""
            module "network" {
              source = "../modules/network"
              cidr   = "10.0.0.0/16"
            }

            module app { source = "./app" }

            module "registry" {
              source  = "terraform-aws-modules/vpc/aws"
              version = "5.0.0"
            }
            """);

        Assert.Equal(["../modules/network", "./app", "terraform-aws-modules/vpc/aws"], calls.Sources);
        Assert.False(calls.DeclaresBackend);
    }

    [Fact]
    public void Commented_out_blocks_are_not_read()
    {
        var calls = HclModuleReader.Read("""
            # module "a" {
            #   source = "../a"
            # }
            // module "b" { source = "../b" }
            /*
            module "c" {
              source = "../c"
            }
            */
            module "d" {
              # source = "../wrong"
              source = "../d" // the real one
            }
            """);

        Assert.Equal(["../d"], calls.Sources);
    }

    [Fact]
    public void Module_blocks_quoted_in_heredocs_and_strings_are_not_read()
    {
        var calls = HclModuleReader.Read("""
            locals {
              readme = <<-EOT
                module "example" {
                  source = "../example"
                }
                EOT
              text = "module \"x\" { source = \"../x\" }"
            }

            output "doc" {
              value = <<EOF
            }
            module "y" {
              source = "../y"
            EOF
            }

            module "real" {
              source = "../real"
            }
            """);

        Assert.Equal(["../real"], calls.Sources);
    }

    [Fact]
    public void Braces_inside_strings_and_interpolations_do_not_upset_the_block_structure()
    {
        var calls = HclModuleReader.Read("""
            module "first" {
              description = "a } brace"
              tags        = { Name = "${jsonencode({ a = "}" })}-x" }
              source      = "../first"
            }

            module "second" {
              source = "../second"
            }
            """);

        Assert.Equal(["../first", "../second"], calls.Sources);
    }

    [Fact]
    public void Only_a_literal_source_directly_in_the_module_block_counts()
    {
        var calls = HclModuleReader.Read("""
            module "templated" {
              source = "${path.module}/x"
            }

            module "nested" {
              providers = {
                source = "../not-a-source"
              }
              settings {
                source = "../neither"
              }
              source = "../nested"
            }

            resource "null_resource" "r" {
              source = "../not-a-module"
            }

            module "a" "b" {
              source = "../two-labels"
            }
            """);

        Assert.Equal(["../nested"], calls.Sources);
    }

    [Fact]
    public void Multi_line_lists_inside_a_module_block_do_not_end_it_early()
    {
        var calls = HclModuleReader.Read("""
            module "after_list" {
              depends_on = [
                module.other,
              ]
              source = "../after"
            }
            """);

        Assert.Equal(["../after"], calls.Sources);
    }

    [Theory]
    [InlineData("terraform {\n  backend \"s3\" {\n    bucket = \"b\"\n  }\n}\n")]
    [InlineData("terraform {\n  required_version = \">= 1.5\"\n  cloud {\n    organization = \"o\"\n  }\n}\n")]
    public void A_backend_or_cloud_block_in_the_terraform_block_is_noticed(string text)
    {
        Assert.True(HclModuleReader.Read(text).DeclaresBackend);
    }

    [Theory]
    [InlineData("terraform {\n  required_providers {\n    aws = { source = \"hashicorp/aws\" }\n  }\n}\n")]
    [InlineData("locals {\n  terraform = { backend \"s3\" {} }\n}\n")]
    [InlineData("# terraform { backend \"s3\" {} }\n")]
    public void Without_a_backend_block_in_the_terraform_block_none_is_declared(string text)
    {
        Assert.False(HclModuleReader.Read(text).DeclaresBackend);
    }

    [Fact]
    public void Windows_line_endings_and_unterminated_strings_are_survived()
    {
        var calls = HclModuleReader.Read("module \"a\" {\r\n  source = \"../a\"\r\n}\r\nmodule \"b\" {\r\n  x = \"never closed\r\n  source = \"../b\"\r\n}\r\n");

        Assert.Equal(["../a", "../b"], calls.Sources);
    }

    [Fact]
    public void Escapes_and_literal_template_markers_in_a_source_are_read_as_terraform_reads_them()
    {
        var calls = HclModuleReader.Read("module \"a\" {\n  source = \"../with\\\"quote\"\n}\nmodule \"b\" {\n  source = \"../$${x}/%%{y}\"\n}\nmodule \"c\" {\n  source = \"../cost$5\"\n}\n");

        Assert.Equal(["../with\"quote", "../${x}/%{y}", "../cost$5"], calls.Sources);
    }
}
