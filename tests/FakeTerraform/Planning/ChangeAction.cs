namespace FakeTerraform.Planning;

internal enum ChangeAction
{
    NoOp,
    Create,
    Update,
    Delete,
}
