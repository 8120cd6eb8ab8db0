using System.Diagnostics.CodeAnalysis;

namespace IaCBot.Core.Projects;

/// <summary>The projects a comment command targets, or why it targets none.</summary>
public abstract record ProjectSelection
{
    private ProjectSelection()
    {
    }

    public sealed record Selected(IReadOnlyList<Project> Projects) : ProjectSelection;

    /// <summary>The command names something that is not there; <see cref="Message"/> says what, for a reply comment.</summary>
    [SuppressMessage("Naming", "CA1716", Justification = "The agreed API name; the solution is C# only, where Error is no keyword.")]
    public sealed record Error(string Message) : ProjectSelection;
}
