package dev.tyche.execution.journal;

import dev.tyche.core.account.FundingPayment;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Money;
import dev.tyche.core.order.CancelOrder;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.strategy.StrategyId;
import java.util.Objects;

/**
 * One entry of the engine's journal: a command the engine acted on, an order event it applied, or a
 * ledger movement that is not a fill. Replaying the records in order into an empty {@code
 * OrderManager} and {@code Ledger} rebuilds their state ({@link JournalReplay}).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface JournalRecord
    permits JournalRecord.Deposit,
        JournalRecord.Submit,
        JournalRecord.Cancel,
        JournalRecord.Unknown,
        JournalRecord.Event,
        JournalRecord.Funding {

  /**
   * The engine clock's time when the record was written.
   *
   * @return UTC epoch milliseconds
   */
  long time();

  /**
   * Money put into the account before trading (the starting balances).
   *
   * <p>Immutable and thread-safe.
   *
   * @param time engine time, ms
   * @param amount the amount, positive
   */
  record Deposit(long time, Money amount) implements JournalRecord {
    /** Validates the fields. */
    public Deposit {
      requireTime(time);
      Objects.requireNonNull(amount, "amount must not be null");
      if (amount.signum() <= 0) {
        throw new IllegalArgumentException("amount must be > 0 but was " + amount);
      }
    }
  }

  /**
   * A strategy submitted an order (written before the risk decision and before anything is sent).
   *
   * <p>Immutable and thread-safe.
   *
   * @param time engine time, ms
   * @param strategyId the owning strategy
   * @param order the order
   */
  record Submit(long time, StrategyId strategyId, SubmitOrder order) implements JournalRecord {
    /** Validates the fields. */
    public Submit {
      requireTime(time);
      Objects.requireNonNull(strategyId, "strategyId must not be null");
      Objects.requireNonNull(order, "order must not be null");
    }
  }

  /**
   * A cancel request that the engine sends to the venue.
   *
   * <p>Immutable and thread-safe.
   *
   * @param time engine time, ms
   * @param strategyId the strategy that asked
   * @param cancel the request
   */
  record Cancel(long time, StrategyId strategyId, CancelOrder cancel) implements JournalRecord {
    /** Validates the fields. */
    public Cancel {
      requireTime(time);
      Objects.requireNonNull(strategyId, "strategyId must not be null");
      Objects.requireNonNull(cancel, "cancel must not be null");
    }
  }

  /**
   * The venue's reply about an order was lost; its state is being resolved.
   *
   * <p>Immutable and thread-safe.
   *
   * @param time engine time, ms
   * @param clientOrderId the order
   * @param symbol its instrument
   */
  record Unknown(long time, ClientOrderId clientOrderId, Symbol symbol) implements JournalRecord {
    /** Validates the fields. */
    public Unknown {
      requireTime(time);
      Objects.requireNonNull(clientOrderId, "clientOrderId must not be null");
      Objects.requireNonNull(symbol, "symbol must not be null");
    }
  }

  /**
   * An order event the engine applied (from the risk gate or the venue).
   *
   * <p>Immutable and thread-safe.
   *
   * @param time engine time, ms
   * @param event the event
   */
  record Event(long time, OrderEvent event) implements JournalRecord {
    /** Validates the fields. */
    public Event {
      requireTime(time);
      Objects.requireNonNull(event, "event must not be null");
    }
  }

  /**
   * A funding settlement the engine applied to the ledger.
   *
   * <p>Immutable and thread-safe.
   *
   * @param time engine time, ms
   * @param payment the settlement
   */
  record Funding(long time, FundingPayment payment) implements JournalRecord {
    /** Validates the fields. */
    public Funding {
      requireTime(time);
      Objects.requireNonNull(payment, "payment must not be null");
    }
  }

  private static void requireTime(long time) {
    if (time < 0) {
      throw new IllegalArgumentException("time must be >= 0 but was " + time);
    }
  }
}
