package dev.tyche.risk.sizing;

import dev.tyche.core.num.Decimal;
import dev.tyche.risk.margin.MarginMode;
import java.util.Objects;

/**
 * Keep the liquidation price at least {@code minDistance * entryPrice} away from the entry price
 * (below it for a long, above it for a short), computed with {@link
 * dev.tyche.risk.margin.LiquidationPrice}.
 *
 * <p>Isolated: the position's wallet is its initial margin {@code notional / leverage}, so the
 * distance depends mostly on the leverage and only through the tier on the size. Cross: the wallet
 * is the account equity less the other positions' maintenance margin ({@code WB - TMM1 + UPNL1} of
 * the liquidation formula, where the equity already includes the others' unrealised PnL), so the
 * distance shrinks as the size grows.
 *
 * <p>Immutable and thread-safe.
 *
 * @param minDistance the smallest allowed {@code |LP - EP| / EP}, in {@code (0, 1)}
 * @param mode isolated or cross
 * @param otherMaintenance for cross, the maintenance margin of the other cross positions in the
 *     quote asset, {@code >= 0}; zero for isolated
 */
public record LiquidationBuffer(double minDistance, MarginMode mode, Decimal otherMaintenance) {

  /** Validates the fields. */
  public LiquidationBuffer {
    Objects.requireNonNull(mode, "mode must not be null");
    Objects.requireNonNull(otherMaintenance, "otherMaintenance must not be null");
    if (!(Double.isFinite(minDistance) && minDistance > 0 && minDistance < 1)) {
      throw new IllegalArgumentException("minDistance must be in (0, 1) but was " + minDistance);
    }
    if (otherMaintenance.signum() < 0) {
      throw new IllegalArgumentException(
          "otherMaintenance must be >= 0 but was " + otherMaintenance);
    }
    if (mode == MarginMode.ISOLATED && otherMaintenance.signum() != 0) {
      throw new IllegalArgumentException(
          "otherMaintenance must be 0 for an isolated position but was " + otherMaintenance);
    }
  }

  /**
   * An isolated position at least {@code minDistance} from liquidation.
   *
   * @param minDistance the fraction of the entry price, in (0, 1)
   * @return the buffer
   */
  public static LiquidationBuffer isolated(double minDistance) {
    return new LiquidationBuffer(minDistance, MarginMode.ISOLATED, Decimal.ZERO);
  }

  /**
   * A cross position at least {@code minDistance} from liquidation.
   *
   * @param minDistance the fraction of the entry price, in (0, 1)
   * @param otherMaintenance the other cross positions' maintenance margin, {@code >= 0}
   * @return the buffer
   */
  public static LiquidationBuffer cross(double minDistance, Decimal otherMaintenance) {
    return new LiquidationBuffer(minDistance, MarginMode.CROSS, otherMaintenance);
  }

  /**
   * The distance of {@code k} daily standard deviations, {@code k * dailySigma}.
   *
   * @param k the number of sigmas, {@code > 0}
   * @param dailySigma the daily standard deviation of simple returns, {@code > 0} (e.g. the square
   *     root of a daily GARCH or EWMA variance forecast)
   * @return the fraction of the entry price, to pass to {@link #isolated} or {@link #cross}
   */
  public static double distanceOfSigmas(double k, double dailySigma) {
    VolatilityTarget.requirePositive(k, "k");
    VolatilityTarget.requirePositive(dailySigma, "dailySigma");
    return k * dailySigma;
  }
}
