package dev.tyche.core.account;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Money;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state of a {@link Ledger} at one moment, for handing to other threads, reports and tests.
 * Maps iterate in asset order and positions in (symbol, position side) order, so equal ledgers give
 * equal snapshots with equal string forms.
 *
 * <p>Immutable and thread-safe.
 *
 * @param positionMode the account's position mode
 * @param balances the wallet balance per asset (for perpetuals: deposits + realised PnL - fees +
 *     funding, without unrealised PnL)
 * @param positions every position the ledger has touched, including flat ones with history
 * @param realisedPnl realised PnL per quote asset, summed over all positions
 * @param fees fees paid per fee asset (negative = net rebate)
 * @param funding net funding received per margin asset (negative = net paid)
 * @param netDeposits deposits and transfers in minus withdrawals and transfers out, per asset
 * @param fillCount the number of fills applied
 */
public record AccountSnapshot(
    PositionMode positionMode,
    Map<Asset, Money> balances,
    List<Position> positions,
    Map<Asset, Money> realisedPnl,
    Map<Asset, Money> fees,
    Map<Asset, Money> funding,
    Map<Asset, Money> netDeposits,
    long fillCount) {

  // Defensive copies: a snapshot must not change when the ledger it came from does.
  public AccountSnapshot {
    Objects.requireNonNull(positionMode, "positionMode must not be null");
    balances = copy(balances, "balances");
    positions = List.copyOf(Objects.requireNonNull(positions, "positions must not be null"));
    realisedPnl = copy(realisedPnl, "realisedPnl");
    fees = copy(fees, "fees");
    funding = copy(funding, "funding");
    netDeposits = copy(netDeposits, "netDeposits");
    if (fillCount < 0) {
      throw new IllegalArgumentException("fillCount must be >= 0 but was " + fillCount);
    }
  }

  private static Map<Asset, Money> copy(Map<Asset, Money> map, String name) {
    Objects.requireNonNull(map, name + " must not be null");
    return Collections.unmodifiableMap(new TreeMap<>(map));
  }

  /**
   * The balance of one asset.
   *
   * @param asset the asset
   * @return the balance, zero if the asset never moved
   */
  public Money balance(Asset asset) {
    Money balance = balances.get(asset);
    return balance != null ? balance : Money.zero(asset, 0);
  }

  /**
   * The position of one symbol under one position side.
   *
   * @param symbol the symbol
   * @param side the position side
   * @return the position, or empty if the ledger never touched it
   */
  public Optional<Position> position(Symbol symbol, PositionSide side) {
    for (Position p : positions) {
      if (p.symbol().equals(symbol) && p.positionSide() == side) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
