namespace FakeTerraform.Config;

internal sealed record ResourceConfig(string Type, string Name, IReadOnlyList<AttributeConfig> Attributes, SourceLine Source)
{
    public string Address => $"{Type}.{Name}";

    public ProviderAddress Provider => ProviderAddress.ForResourceType(Type);
}
