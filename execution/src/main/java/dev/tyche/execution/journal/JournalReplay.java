package dev.tyche.execution.journal;

import dev.tyche.core.account.Fill;
import dev.tyche.core.account.Ledger;
import dev.tyche.core.account.PositionSide;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.execution.order.OrderManager;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Rebuilds an order manager and a ledger from journal records, applying each record exactly as the
 * engine did when it wrote it: deposits to the ledger, submits, cancels and lost-reply marks to the
 * order manager, order events to the order manager and (fills whose outcome is {@code APPLIED}) the
 * ledger, funding settlements to the ledger.
 *
 * <p>Immutable and thread-safe (stateless); the manager and ledger it fills are confined to the
 * caller's thread.
 */
public final class JournalReplay {

  private JournalReplay() {}

  /**
   * What a replay restored besides the manager's and ledger's state.
   *
   * <p>Immutable and thread-safe.
   *
   * @param records the number of records applied
   * @param lastTime the engine time of the last record, or -1 if there was none
   * @param lastFundingTime per symbol, the funding time of the last settlement applied
   */
  public record Result(int records, long lastTime, Map<Symbol, Long> lastFundingTime) {
    /** Copies the map. */
    public Result {
      lastFundingTime = Map.copyOf(lastFundingTime);
    }
  }

  /**
   * Replays records into an empty manager and ledger.
   *
   * @param records the journal's records in order
   * @param orders an order manager holding no orders
   * @param ledger a ledger with the engine's instruments registered and nothing applied
   * @param positionSide the position side fills are booked to ({@link PositionSide#BOTH} in one-way
   *     mode)
   * @return what else was restored
   * @throws IllegalStateException if the manager or ledger is not empty
   * @throws IllegalArgumentException if a record cannot be applied (a corrupt or foreign journal)
   */
  public static Result replay(
      List<JournalRecord> records, OrderManager orders, Ledger ledger, PositionSide positionSide) {
    Objects.requireNonNull(records, "records must not be null");
    Objects.requireNonNull(orders, "orders must not be null");
    Objects.requireNonNull(ledger, "ledger must not be null");
    Objects.requireNonNull(positionSide, "positionSide must not be null");
    if (orders.size() != 0) {
      throw new IllegalStateException(
          "replay needs an empty order manager but it holds " + orders.size());
    }
    if (ledger.fillCount() != 0 || !ledger.snapshot().balances().isEmpty()) {
      throw new IllegalStateException(
          "replay needs an empty ledger but it has " + ledger.snapshot());
    }
    Map<Symbol, Long> funding = new TreeMap<>();
    long lastTime = -1;
    int n = 0;
    for (JournalRecord r : records) {
      try {
        apply(r, orders, ledger, positionSide, funding);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "journal record " + (n + 1) + " cannot be replayed: " + r + ": " + e.getMessage(), e);
      }
      lastTime = r.time();
      n++;
    }
    return new Result(n, lastTime, funding);
  }

  private static void apply(
      JournalRecord r,
      OrderManager orders,
      Ledger ledger,
      PositionSide positionSide,
      Map<Symbol, Long> funding) {
    if (r instanceof JournalRecord.Deposit) {
      ledger.deposit(((JournalRecord.Deposit) r).amount());
    } else if (r instanceof JournalRecord.Submit) {
      JournalRecord.Submit s = (JournalRecord.Submit) r;
      orders.create(s.strategyId(), s.order());
    } else if (r instanceof JournalRecord.Cancel) {
      orders.requestCancel(((JournalRecord.Cancel) r).cancel().clientOrderId());
    } else if (r instanceof JournalRecord.Unknown) {
      orders.markUnknown(((JournalRecord.Unknown) r).clientOrderId());
    } else if (r instanceof JournalRecord.Funding) {
      JournalRecord.Funding f = (JournalRecord.Funding) r;
      ledger.apply(f.payment());
      funding.put(f.payment().symbol(), f.payment().fundingTime());
    } else {
      JournalRecord.Event e = (JournalRecord.Event) r;
      if (orders.apply(e.event()).applied() && e.event() instanceof OrderFillEvent) {
        ledger.apply(Fill.from((OrderFillEvent) e.event(), positionSide));
      }
    }
  }
}
