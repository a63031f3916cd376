package dev.tyche.execution.sim;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything that shapes a {@link SimulatedVenue}'s behaviour. Two venues with equal
 * configurations, fed the same data and commands at the same clock times, report identical event
 * sequences.
 *
 * <p>Immutable and thread-safe.
 *
 * @param fillModel the matching policy
 * @param orderLatency delay from {@code submit}/{@code cancel} to the venue acting on it
 * @param dataLatency delay from a market event's venue time to when the strategy may see it,
 *     offered to the feed through {@link SimulatedVenue#dataArrivalTime}
 * @param fees maker/taker commission rates
 * @param percentPrice the {@code PERCENT_PRICE} band, or empty for none
 * @param margin isolated-margin settings for liquidation, or empty for no liquidation
 * @param seed the seed of every random draw (latency jitter)
 */
public record SimulatedVenueConfig(
    FillModel fillModel,
    LatencyModel orderLatency,
    LatencyModel dataLatency,
    FeeSchedule fees,
    Optional<PercentPriceBand> percentPrice,
    Optional<IsolatedMargin> margin,
    long seed) {

  /** Checks for nulls. */
  public SimulatedVenueConfig {
    Objects.requireNonNull(fillModel, "fillModel must not be null");
    Objects.requireNonNull(orderLatency, "orderLatency must not be null");
    Objects.requireNonNull(dataLatency, "dataLatency must not be null");
    Objects.requireNonNull(fees, "fees must not be null");
    Objects.requireNonNull(percentPrice, "percentPrice must not be null (use Optional.empty())");
    Objects.requireNonNull(margin, "margin must not be null (use Optional.empty())");
  }

  /**
   * A configuration with no latency, Binance VIP 0 fees, no price band, no liquidation and seed 0.
   *
   * @param fillModel the matching policy
   * @return the configuration
   */
  public static SimulatedVenueConfig of(FillModel fillModel) {
    return new SimulatedVenueConfig(
        fillModel,
        LatencyModel.ZERO,
        LatencyModel.ZERO,
        FeeSchedule.BINANCE_VIP0,
        Optional.empty(),
        Optional.empty(),
        0L);
  }

  /**
   * A copy with another order latency.
   *
   * @param latency the order latency
   * @return the copy
   */
  public SimulatedVenueConfig withOrderLatency(LatencyModel latency) {
    return new SimulatedVenueConfig(
        fillModel, latency, dataLatency, fees, percentPrice, margin, seed);
  }

  /**
   * A copy with another data latency.
   *
   * @param latency the data latency
   * @return the copy
   */
  public SimulatedVenueConfig withDataLatency(LatencyModel latency) {
    return new SimulatedVenueConfig(
        fillModel, orderLatency, latency, fees, percentPrice, margin, seed);
  }

  /**
   * A copy with other fees.
   *
   * @param newFees the fees
   * @return the copy
   */
  public SimulatedVenueConfig withFees(FeeSchedule newFees) {
    return new SimulatedVenueConfig(
        fillModel, orderLatency, dataLatency, newFees, percentPrice, margin, seed);
  }

  /**
   * A copy with a {@code PERCENT_PRICE} band.
   *
   * @param band the band
   * @return the copy
   */
  public SimulatedVenueConfig withPercentPrice(PercentPriceBand band) {
    return new SimulatedVenueConfig(
        fillModel, orderLatency, dataLatency, fees, Optional.of(band), margin, seed);
  }

  /**
   * A copy with isolated-margin liquidation.
   *
   * @param isolated the margin settings
   * @return the copy
   */
  public SimulatedVenueConfig withMargin(IsolatedMargin isolated) {
    return new SimulatedVenueConfig(
        fillModel, orderLatency, dataLatency, fees, percentPrice, Optional.of(isolated), seed);
  }

  /**
   * A copy with another seed.
   *
   * @param newSeed the seed
   * @return the copy
   */
  public SimulatedVenueConfig withSeed(long newSeed) {
    return new SimulatedVenueConfig(
        fillModel, orderLatency, dataLatency, fees, percentPrice, margin, newSeed);
  }
}
