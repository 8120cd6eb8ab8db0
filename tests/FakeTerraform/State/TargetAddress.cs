using System.Text.RegularExpressions;

namespace FakeTerraform.State;

/// <summary>
/// An address given on the command line, split the way terraform's addrs package reads it: a module path, then
/// optionally a resource (managed or <c>data.</c>) with an instance key. The fake's configurations and states have
/// no modules, data resources or instance keys, so only a plain <c>TYPE.NAME</c> can ever match something.
/// </summary>
internal sealed partial record TargetAddress(string Module, bool IsData, string Type, string Name, string Key)
{
    public bool IsModuleOnly => Type.Length == 0;

    /// <summary>The <c>TYPE.NAME</c> the fake's state and configuration know, or null when the address is anything else.</summary>
    public string? PlainResource => Module.Length == 0 && !IsData && Key.Length == 0 && !IsModuleOnly ? $"{Type}.{Name}" : null;

    public override string ToString() => IsModuleOnly
        ? Module
        : $"{(Module.Length > 0 ? Module + "." : "")}{(IsData ? "data." : "")}{Type}.{Name}{Key}";

    public static TargetAddress? Parse(string text)
    {
        if (ResourcePattern().Match(text) is { Success: true } resource)
        {
            return new TargetAddress(
                resource.Groups["module"].Value.TrimEnd('.'),
                resource.Groups["data"].Success,
                resource.Groups["type"].Value,
                resource.Groups["name"].Value,
                resource.Groups["key"].Value);
        }

        return ModulePattern().IsMatch(text) ? new TargetAddress(text, false, "", "", "") : null;
    }

    [GeneratedRegex(@"^(?<module>(?:module\.[A-Za-z_][\w-]*(?:\[[^\]]+\])?\.)*)(?<data>data\.)?(?!module\.)(?<type>[A-Za-z_][\w-]*)\.(?<name>[A-Za-z_][\w-]*)(?<key>\[[^\]]+\])?$")]
    private static partial Regex ResourcePattern();

    [GeneratedRegex(@"^module\.[A-Za-z_][\w-]*(?:\[[^\]]+\])?(?:\.module\.[A-Za-z_][\w-]*(?:\[[^\]]+\])?)*$")]
    private static partial Regex ModulePattern();
}
