package dev.tyche.execution.sim;

import dev.tyche.core.id.Symbol;
import dev.tyche.risk.margin.LeverageBrackets;
import java.util.Map;

/**
 * Isolated one-way margin for liquidation: each position's isolated wallet is its initial margin
 * {@code |entry notional| / leverage} (rounded up to 8 decimals, {@link
 * LeverageBrackets#initialMargin}); fees and funding are paid from the cross wallet and do not
 * change it, and no margin is added later.
 *
 * <p>Immutable and thread-safe.
 *
 * @param leverage the leverage of every position, {@code >= 1}
 * @param brackets the leverage table per symbol; symbols without a table are never liquidated
 */
public record IsolatedMargin(int leverage, Map<Symbol, LeverageBrackets> brackets) {

  // Leverage below 1 would lock more margin than the notional; Binance allows 1..125.
  public IsolatedMargin {
    if (leverage < 1) {
      throw new IllegalArgumentException("leverage must be >= 1 but was " + leverage);
    }
    brackets = Map.copyOf(brackets);
  }
}
