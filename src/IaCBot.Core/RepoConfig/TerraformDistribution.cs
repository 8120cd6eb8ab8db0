namespace IaCBot.Core.RepoConfig;

public enum TerraformDistribution
{
    Terraform,
    OpenTofu,
}
