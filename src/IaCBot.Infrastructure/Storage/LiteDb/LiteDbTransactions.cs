using LiteDB;

namespace IaCBot.Infrastructure.Storage.LiteDb;

/// <summary>Several writes as one LiteDB transaction: one commit, or none of them.</summary>
internal static class LiteDbTransactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction, committed when it returns and rolled back when it throws. LiteDB
    /// ties a transaction to the thread that began it, so <paramref name="work"/> must be synchronous; callers hold
    /// their store's lock around it when a read and a write must stay together.
    /// </summary>
    public static void InTransaction(this LiteDatabase database, Action work)
    {
        database.BeginTrans();
        try
        {
            work();
            database.Commit();
        }
        catch
        {
            database.Rollback();
            throw;
        }
    }
}
