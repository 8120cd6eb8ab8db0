namespace IaCBot.Core.Storage;

/// <summary>An administrator turned off every apply on this server.</summary>
/// <param name="SetBy">Who did, as they said when they did (the admin API's caller); never empty.</param>
/// <param name="Reason">Why, in their words, or null.</param>
public sealed record ApplyLock(string SetBy, DateTimeOffset Since, string? Reason);
