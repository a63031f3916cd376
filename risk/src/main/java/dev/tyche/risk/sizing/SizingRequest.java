package dev.tyche.risk.sizing;

import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.risk.kelly.KellyBet;
import dev.tyche.risk.margin.LeverageBrackets;
import dev.tyche.risk.margin.PositionDirection;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link PositionSizer#size(SizingRequest)} needs for one decision. The instrument
 * limits, the leverage table and the initial-margin limit always apply; Kelly, volatility target,
 * loss budget and liquidation buffer apply when present.
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrument the instrument (step size, quantity bounds, min notional)
 * @param brackets the instrument's leverage table
 * @param direction long or short
 * @param price the expected entry price, quote per base unit
 * @param equity the account equity (margin balance, wallet plus unrealised PnL) in the quote asset,
 *     {@code >= 0}
 * @param leverage the leverage the position will use, {@code >= 1}
 * @param kelly a Kelly bet whose {@code fraction()} (already fractional) is a fraction of equity
 * @param volatilityTarget a volatility target
 * @param varBudget a loss budget
 * @param liquidationBuffer a minimum distance to liquidation
 */
public record SizingRequest(
    Instrument instrument,
    LeverageBrackets brackets,
    PositionDirection direction,
    Price price,
    Decimal equity,
    int leverage,
    Optional<KellyBet> kelly,
    Optional<VolatilityTarget> volatilityTarget,
    Optional<VarBudget> varBudget,
    Optional<LiquidationBuffer> liquidationBuffer) {

  /** Validates the fields. */
  public SizingRequest {
    Objects.requireNonNull(instrument, "instrument must not be null");
    Objects.requireNonNull(brackets, "brackets must not be null");
    Objects.requireNonNull(direction, "direction must not be null");
    Objects.requireNonNull(price, "price must not be null");
    Objects.requireNonNull(equity, "equity must not be null");
    Objects.requireNonNull(kelly, "kelly must not be null (use Optional.empty())");
    Objects.requireNonNull(volatilityTarget, "volatilityTarget must not be null");
    Objects.requireNonNull(varBudget, "varBudget must not be null");
    Objects.requireNonNull(liquidationBuffer, "liquidationBuffer must not be null");
    if (!brackets.symbol().equals(instrument.symbol())) {
      throw new IllegalArgumentException(
          "brackets must belong to " + instrument.symbol() + " but belong to " + brackets.symbol());
    }
    if (equity.signum() < 0) {
      throw new IllegalArgumentException("equity must be >= 0 but was " + equity);
    }
    if (leverage < 1) {
      throw new IllegalArgumentException("leverage must be >= 1 but was " + leverage);
    }
  }

  /**
   * A builder with the required fields; the optional constraints start absent.
   *
   * @param instrument the instrument
   * @param brackets its leverage table
   * @param direction long or short
   * @param price the entry price
   * @param equity the account equity in the quote asset
   * @param leverage the leverage, {@code >= 1}
   * @return the builder
   */
  public static Builder builder(
      Instrument instrument,
      LeverageBrackets brackets,
      PositionDirection direction,
      Price price,
      Decimal equity,
      int leverage) {
    return new Builder(instrument, brackets, direction, price, equity, leverage);
  }

  /**
   * A copy with another equity.
   *
   * @param newEquity the equity, {@code >= 0}
   * @return the copy
   */
  public SizingRequest withEquity(Decimal newEquity) {
    return new SizingRequest(
        instrument,
        brackets,
        direction,
        price,
        newEquity,
        leverage,
        kelly,
        volatilityTarget,
        varBudget,
        liquidationBuffer);
  }

  /**
   * Builds a {@link SizingRequest}.
   *
   * <p>Mutable; confined to one thread.
   */
  public static final class Builder {
    private final Instrument instrument;
    private final LeverageBrackets brackets;
    private final PositionDirection direction;
    private final Price price;
    private final Decimal equity;
    private final int leverage;
    private KellyBet kelly;
    private VolatilityTarget volatilityTarget;
    private VarBudget varBudget;
    private LiquidationBuffer liquidationBuffer;

    private Builder(
        Instrument instrument,
        LeverageBrackets brackets,
        PositionDirection direction,
        Price price,
        Decimal equity,
        int leverage) {
      this.instrument = instrument;
      this.brackets = brackets;
      this.direction = direction;
      this.price = price;
      this.equity = equity;
      this.leverage = leverage;
    }

    /**
     * Adds the Kelly limit.
     *
     * @param bet the bet, e.g. from {@code GaussianKelly} or {@code EmpiricalKelly}
     * @return this builder
     */
    public Builder kelly(KellyBet bet) {
      this.kelly = Objects.requireNonNull(bet, "bet must not be null");
      return this;
    }

    /**
     * Adds the volatility-target limit.
     *
     * @param target the target
     * @return this builder
     */
    public Builder volatilityTarget(VolatilityTarget target) {
      this.volatilityTarget = Objects.requireNonNull(target, "target must not be null");
      return this;
    }

    /**
     * Adds the loss-budget limit.
     *
     * @param budget the budget
     * @return this builder
     */
    public Builder varBudget(VarBudget budget) {
      this.varBudget = Objects.requireNonNull(budget, "budget must not be null");
      return this;
    }

    /**
     * Adds the liquidation-distance limit.
     *
     * @param buffer the buffer
     * @return this builder
     */
    public Builder liquidationBuffer(LiquidationBuffer buffer) {
      this.liquidationBuffer = Objects.requireNonNull(buffer, "buffer must not be null");
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the validated request
     */
    public SizingRequest build() {
      return new SizingRequest(
          instrument,
          brackets,
          direction,
          price,
          equity,
          leverage,
          Optional.ofNullable(kelly),
          Optional.ofNullable(volatilityTarget),
          Optional.ofNullable(varBudget),
          Optional.ofNullable(liquidationBuffer));
    }
  }
}
