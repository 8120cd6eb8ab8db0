using Microsoft.Extensions.Configuration;

namespace IaCBot.Server.Configuration;

/// <summary>The <c>terraform</c> section of iacbot.yaml.</summary>
internal sealed class TerraformOptions
{
    public const string Section = "terraform";

    /// <summary>A path, or a name looked up on PATH.</summary>
    public string Binary { get; set; } = "terraform";

    /// <summary>How long one terraform command may run before it is stopped.</summary>
    public string Timeout { get; set; } = "1h";

    /// <summary>How long a stopped terraform may take to finish cleanly before its process tree is killed.</summary>
    [ConfigurationKeyName("kill_grace")]
    public string KillGrace { get; set; } = "30s";
}
