namespace IaCBot.Server.Tests.Fakes;

/// <summary>One page of a list and the <c>Link</c> header that goes with it (null when there is one page).</summary>
internal sealed record PageOf<T>(IReadOnlyList<T> Items, string? Link);
