package dev.tyche.backtest.result;

import java.util.Arrays;
import java.util.Objects;

/**
 * One strategy's cumulative PnL and net exposure at the equity curve's sample times: the input a
 * Brinson-Fachler or other attribution needs (segment weights from the exposures, segment returns
 * from the PnL changes).
 *
 * <p>Immutable and thread-safe (arrays are copied in and out).
 *
 * @param strategy the strategy id
 * @param pnl cumulative PnL at each sample, valuation asset
 * @param netExposure the strategy's net notional divided by account equity at each sample
 */
public record StrategySeries(String strategy, double[] pnl, double[] netExposure) {

  /** Checks and copies. */
  public StrategySeries {
    Objects.requireNonNull(strategy, "strategy must not be null");
    Objects.requireNonNull(pnl, "pnl must not be null");
    Objects.requireNonNull(netExposure, "netExposure must not be null");
    if (pnl.length != netExposure.length) {
      throw new IllegalArgumentException(
          "pnl and netExposure must have equal lengths but were "
              + pnl.length
              + " and "
              + netExposure.length);
    }
    pnl = pnl.clone();
    netExposure = netExposure.clone();
  }

  @Override
  public double[] pnl() {
    return pnl.clone();
  }

  @Override
  public double[] netExposure() {
    return netExposure.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StrategySeries
        && strategy.equals(((StrategySeries) o).strategy)
        && Arrays.equals(pnl, ((StrategySeries) o).pnl)
        && Arrays.equals(netExposure, ((StrategySeries) o).netExposure);
  }

  @Override
  public int hashCode() {
    return Objects.hash(strategy, Arrays.hashCode(pnl), Arrays.hashCode(netExposure));
  }

  @Override
  public String toString() {
    return "StrategySeries[" + strategy + ", " + pnl.length + " samples]";
  }
}
