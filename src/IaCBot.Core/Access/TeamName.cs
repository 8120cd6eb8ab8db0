namespace IaCBot.Core.Access;

/// <summary>A team of an organisation, written <c>@org/team-slug</c> in settings and replies.</summary>
public sealed record TeamName(string Organization, string Slug)
{
    public override string ToString() => $"@{Organization}/{Slug}";
}
