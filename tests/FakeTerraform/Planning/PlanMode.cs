namespace FakeTerraform.Planning;

internal enum PlanMode
{
    Normal,
    Destroy,
}
