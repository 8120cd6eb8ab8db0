namespace IaCBot.Server.Api;

/// <summary>The optional body of <c>PUT /api/apply-lock</c>: why applies are disabled, and who says so.</summary>
internal sealed record ApplyLockRequest(string? Reason, string? By);
