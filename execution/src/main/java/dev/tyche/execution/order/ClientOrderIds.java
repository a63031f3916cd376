package dev.tyche.execution.order;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.strategy.StrategyId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Deterministic client order ids {@code <strategyId>-<sequence>}: the strategy id (1 to 16
 * characters from {@code [A-Za-z0-9_-]}), a hyphen and a decimal sequence number from 1. At most 16
 * + 1 + 19 = 36 characters from Binance's allowed set {@code [.A-Z:/a-z0-9_-]{1,36}}, so every id
 * is accepted by the venue. A replay that issues the same number of ids issues the same ids, and a
 * resent order keeps its id, so the venue recognises it as the same order (Binance rejects a second
 * order with a client id that is still open).
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class ClientOrderIds {
  private final StrategyId strategyId;
  private final String prefix;
  private long issued;

  /**
   * A generator that has issued nothing yet.
   *
   * @param strategyId the strategy, the ids' prefix
   */
  public ClientOrderIds(StrategyId strategyId) {
    this.strategyId = Objects.requireNonNull(strategyId, "strategyId must not be null");
    this.prefix = strategyId.value() + "-";
  }

  /**
   * The strategy the ids belong to.
   *
   * @return the strategy id
   */
  public StrategyId strategyId() {
    return strategyId;
  }

  /**
   * The next id.
   *
   * @return {@code <strategyId>-<n>} with {@code n} one more than the last issued
   */
  public ClientOrderId next() {
    issued = Math.addExact(issued, 1);
    return ClientOrderId.of(prefix + issued);
  }

  /**
   * How many ids were issued (or observed, see {@link #observe}).
   *
   * @return the last sequence number, 0 if none
   */
  public long issued() {
    return issued;
  }

  /**
   * Makes sure a later {@link #next()} never repeats an id seen before, e.g. one restored from the
   * journal after a restart.
   *
   * @param id an id that was used
   */
  public void observe(ClientOrderId id) {
    OptionalLong n = sequenceOf(prefix, id);
    if (n.isPresent() && n.getAsLong() > issued) {
      issued = n.getAsLong();
    }
  }

  /**
   * The sequence number of an id generated for a strategy.
   *
   * @param strategyId the strategy
   * @param id the id
   * @return the number, or empty if the id does not have the form {@code <strategyId>-<n>}
   */
  public static OptionalLong sequenceOf(StrategyId strategyId, ClientOrderId id) {
    return sequenceOf(strategyId.value() + "-", id);
  }

  private static OptionalLong sequenceOf(String prefix, ClientOrderId id) {
    String v = id.value();
    if (!v.startsWith(prefix)
        || v.length() == prefix.length()
        || v.length() > prefix.length() + 19) {
      return OptionalLong.empty();
    }
    for (int i = prefix.length(); i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return OptionalLong.empty();
      }
    }
    try {
      return OptionalLong.of(Long.parseLong(v.substring(prefix.length())));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
