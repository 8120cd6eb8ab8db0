using FakeTerraform.Config;

namespace FakeTerraform.State;

internal sealed record OutputState(TfValue Value, bool Sensitive);
