package dev.tyche.binance.port;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Decimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the venue reported at start-up: open orders, positions and wallet balances.
 *
 * <p>Immutable and thread-safe.
 *
 * @param fetchedAt when the read finished, server time, UTC epoch ms
 * @param openOrders the open orders of the reconciled symbols
 * @param positions the signed position amount per symbol (one-way mode; hedge-mode legs summed),
 *     non-zero positions only
 * @param balances the wallet balance per asset ({@code GET /fapi/v3/balance} {@code balance})
 */
public record VenueState(
    long fetchedAt,
    List<VenueOpenOrder> openOrders,
    Map<Symbol, Decimal> positions,
    Map<Asset, Decimal> balances) {

  // Copies, so the state never changes after the read.
  public VenueState {
    if (fetchedAt < 0) {
      throw new IllegalArgumentException("fetchedAt must be >= 0 but was " + fetchedAt);
    }
    openOrders = List.copyOf(Objects.requireNonNull(openOrders, "openOrders must not be null"));
    positions =
        Collections.unmodifiableMap(
            new TreeMap<>(Objects.requireNonNull(positions, "positions must not be null")));
    balances =
        Collections.unmodifiableMap(
            new TreeMap<>(Objects.requireNonNull(balances, "balances must not be null")));
  }
}
