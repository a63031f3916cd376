package dev.tyche.binance.port;

import dev.tyche.core.account.AccountSnapshot;
import dev.tyche.core.account.Position;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The engine's journal-restored view of the account, to compare with {@link VenueState}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param openOrders the orders the engine believes are open
 * @param positions the signed position amount per symbol (absent = flat)
 * @param balances the wallet balance per asset (absent assets are not compared)
 */
public record ExpectedState(
    List<ExpectedOrder> openOrders, Map<Symbol, Decimal> positions, Map<Asset, Decimal> balances) {

  // Copies, so the expectation never changes after construction.
  public ExpectedState {
    openOrders = List.copyOf(Objects.requireNonNull(openOrders, "openOrders must not be null"));
    positions =
        Collections.unmodifiableMap(
            new TreeMap<>(Objects.requireNonNull(positions, "positions must not be null")));
    balances =
        Collections.unmodifiableMap(
            new TreeMap<>(Objects.requireNonNull(balances, "balances must not be null")));
  }

  /**
   * The expectation from a ledger snapshot: positions summed over position sides per symbol, and
   * the wallet balances.
   *
   * @param account the ledger snapshot
   * @param openOrders the open orders of the engine's order manager
   * @return the expectation
   */
  public static ExpectedState of(AccountSnapshot account, List<ExpectedOrder> openOrders) {
    Objects.requireNonNull(account, "account must not be null");
    Map<Symbol, Decimal> positions = new TreeMap<>();
    for (Position p : account.positions()) {
      if (!p.isFlat()) {
        positions.merge(p.symbol(), p.signedQuantity(), Decimal::plus);
      }
    }
    Map<Asset, Decimal> balances = new TreeMap<>();
    for (Map.Entry<Asset, Money> e : account.balances().entrySet()) {
      balances.put(e.getKey(), Decimal.of(e.getValue().units(), e.getValue().scale()));
    }
    return new ExpectedState(openOrders, positions, balances);
  }
}
