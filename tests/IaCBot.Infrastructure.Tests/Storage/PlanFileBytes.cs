using IaCBot.Core.Storage;

namespace IaCBot.Infrastructure.Tests.Storage;

/// <summary>The plan store's streams as byte arrays, which is what the contract's small examples compare.</summary>
internal static class PlanFileBytes
{
    public static async Task SaveAsync(this IPlanStore plans, PlanRecord plan, byte[] planFile, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(planFile);
        await plans.SaveAsync(plan, content, cancellationToken);
    }

    public static async Task<byte[]?> ReadPlanFileAsync(this IPlanStore plans, PlanRecord plan, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        return await plans.ReadPlanFileAsync(plan, content, cancellationToken) ? content.ToArray() : null;
    }
}
