package dev.tyche.strategy.allocation;

/**
 * The eight market scenarios the allocation matrix distinguishes: trend direction (bull, bear,
 * sideways) times volatility (low, high), plus a crisis state and an unknown state.
 *
 * <p>{@link #CRISIS} is the state in which the usual relations break down (a crash, a liquidation
 * cascade, an exchange outage): correlations jump toward one, liquidity vanishes and every signal
 * is unreliable. {@link #UNKNOWN} is the state before a regime model has seen enough data, or when
 * no state is probable enough to act on; it is the safe default.
 *
 * <p>Immutable and thread-safe.
 */
public enum MarketRegime {
  /** Rising prices, low volatility. */
  BULL_LOW_VOL(Trend.BULL, Volatility.LOW),
  /** Rising prices, high volatility. */
  BULL_HIGH_VOL(Trend.BULL, Volatility.HIGH),
  /** Falling prices, low volatility. */
  BEAR_LOW_VOL(Trend.BEAR, Volatility.LOW),
  /** Falling prices, high volatility. */
  BEAR_HIGH_VOL(Trend.BEAR, Volatility.HIGH),
  /** No trend, low volatility. */
  SIDEWAYS_LOW_VOL(Trend.SIDEWAYS, Volatility.LOW),
  /** No trend, high volatility (a choppy market). */
  SIDEWAYS_HIGH_VOL(Trend.SIDEWAYS, Volatility.HIGH),
  /** Stress beyond high volatility: a crash or liquidity crisis. */
  CRISIS(Trend.UNDEFINED, Volatility.EXTREME),
  /** Not known yet (warming up) or not identified with confidence. */
  UNKNOWN(Trend.UNDEFINED, Volatility.UNDEFINED);

  /**
   * The trend component of a regime.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Trend {
    /** Rising. */
    BULL,
    /** Falling. */
    BEAR,
    /** Range-bound. */
    SIDEWAYS,
    /** Not defined for this regime. */
    UNDEFINED
  }

  /**
   * The volatility component of a regime.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Volatility {
    /** Below its long-run level. */
    LOW,
    /** Above its long-run level. */
    HIGH,
    /** Far above any normal level. */
    EXTREME,
    /** Not defined for this regime. */
    UNDEFINED
  }

  private final Trend trend;
  private final Volatility volatility;

  MarketRegime(Trend trend, Volatility volatility) {
    this.trend = trend;
    this.volatility = volatility;
  }

  /**
   * The trend component.
   *
   * @return the trend
   */
  public Trend trend() {
    return trend;
  }

  /**
   * The volatility component.
   *
   * @return the volatility
   */
  public Volatility volatility() {
    return volatility;
  }

  /**
   * The regime with the given trend and volatility among the six ordinary ones.
   *
   * @param trend bull, bear or sideways
   * @param volatility low or high
   * @return the regime
   * @throws IllegalArgumentException for an undefined trend or a volatility other than low/high
   */
  public static MarketRegime of(Trend trend, Volatility volatility) {
    for (MarketRegime r : values()) {
      if (r.trend == trend && r.volatility == volatility && r.ordinal() < CRISIS.ordinal()) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "trend must be BULL, BEAR or SIDEWAYS and volatility LOW or HIGH but were "
            + trend
            + " and "
            + volatility);
  }
}
