using FakeTerraform.Config;

namespace FakeTerraform.Planning;

internal sealed record OutputChange(string Name, ChangeAction Action, TfValue? Before, TfValue? After, bool Sensitive);
