using IaCBot.Core.Outbox;
using IaCBot.Core.RunHistory;
using IaCBot.Core.RunLogs;
using IaCBot.Core.Storage;

namespace IaCBot.Infrastructure.Tests.Storage;

/// <summary>Every store of one provider, opened on one database.</summary>
public sealed record Stores(
    ILockStore Locks,
    IPlanStore Plans,
    IDeliveryStore Deliveries,
    IOutboxStore Outbox,
    IJobLedger Ledger,
    IApplyLockStore ApplyLock,
    ITicketStore Tickets,
    IRunHistory Runs,
    IRunLogStore RunLogs,
    IIntakeJournal Intake);
