package dev.tyche.strategy.funding;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.port.MarketDataKind;
import dev.tyche.core.port.Subscription;
import dev.tyche.strategy.signal.SignalGenerator;
import java.util.List;
import java.util.Objects;

/**
 * Funding-rate carry (cash-and-carry, basis trade): long spot and short the perpetual in equal
 * notional, a delta-neutral position that collects the perpetual's funding while it is positive.
 *
 * <p><b>Sign convention.</b> As in core's {@link FundingRate}: a rate is per funding interval and
 * positive means longs pay shorts, so the short perpetual leg <em>receives</em> {@code notional *
 * rate} at each settlement when the rate is positive and pays when it is negative. The spot leg
 * neither pays nor receives funding; it cancels the perpetual's price exposure.
 *
 * <p><b>Expected carry.</b> The exponentially weighted moving average of settled rates (simple
 * exponential smoothing, R. G. Brown, "Smoothing, Forecasting and Prediction of Discrete Time
 * Series", 1963): {@code m_1 = r_1}, {@code m_k = m_{k-1} + alpha (r_k - m_{k-1})}, annualised as
 * {@code m_k * fundingsPerDay * 365} (simple, not compounded).
 *
 * <p><b>Rules</b>, at each settled {@link FundingRate} of the perpetual (other events are ignored;
 * a settlement whose nominal time is not after the previous one is a duplicate and is ignored):
 *
 * <ol>
 *   <li>Until {@code minObservations} settlements have been seen the target is 0.
 *   <li>Flat: enter when the annualised carry exceeds {@link
 *       FundingCarryParameters#entryThreshold()} ({@code roundTripCost * 365 / holdingDays +
 *       basisBuffer}): the fees of the round trip amortised over the holding period, plus a buffer
 *       for basis risk.
 *   <li>In the position: exit when the annualised carry falls below {@code exitCarry}.
 * </ol>
 *
 * <p>Targets: spot {@code +exposure} and perpetual {@code -exposure} in the position, both 0
 * otherwise. The reverse trade (short spot, long perpetual when funding is negative) needs a spot
 * borrow and is not taken.
 *
 * <p>Data: the generator subscribes to bars of both legs (reference prices for the executor) and to
 * the perpetual's mark-price stream, which on Binance carries the funding rate; core has no
 * separate funding stream, so it relies on the engine dispatching {@link FundingRate} events for
 * the perpetual it trades.
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class FundingCarrySignal implements SignalGenerator {

  private final FundingCarryParameters parameters;
  private int observations;
  private double average = Double.NaN;
  private long lastNominalTime = Long.MIN_VALUE;
  private boolean invested;

  /**
   * Creates the signal.
   *
   * @param parameters the parameters
   */
  public FundingCarrySignal(FundingCarryParameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters must not be null");
  }

  /**
   * The parameters.
   *
   * @return the parameters
   */
  public FundingCarryParameters parameters() {
    return parameters;
  }

  /**
   * The expected carry, annualised.
   *
   * @return the annualised EWMA of settled funding rates, or NaN before the first settlement
   */
  public double expectedAnnualCarry() {
    return parameters.annualise(average);
  }

  /**
   * Whether the carry position is on.
   *
   * @return true when the targets are long spot and short perpetual
   */
  public boolean isInvested() {
    return invested;
  }

  @Override
  public List<Symbol> symbols() {
    return List.of(parameters.spot(), parameters.perpetual());
  }

  @Override
  public List<Subscription> subscriptions() {
    return List.of(
        Subscription.bars(parameters.spot(), parameters.priceInterval()),
        Subscription.bars(parameters.perpetual(), parameters.priceInterval()),
        Subscription.of(parameters.perpetual(), MarketDataKind.MARK_PRICE));
  }

  @Override
  public boolean onMarketEvent(MarketEvent event) {
    if (!(event instanceof FundingRate)) {
      return false;
    }
    FundingRate funding = (FundingRate) event;
    if (!funding.symbol().equals(parameters.perpetual())
        || funding.nominalTime() <= lastNominalTime) {
      return false;
    }
    double rate = funding.rate().toDouble();
    lastNominalTime = funding.nominalTime();
    observations++;
    average = observations == 1 ? rate : average + parameters.ewmaAlpha() * (rate - average);
    if (observations < parameters.minObservations()) {
      return true;
    }
    double carry = expectedAnnualCarry();
    if (invested) {
      invested = carry >= parameters.exitCarry();
    } else {
      invested = carry > parameters.entryThreshold();
    }
    return true;
  }

  @Override
  public double target(Symbol symbol) {
    if (parameters.spot().equals(symbol)) {
      return invested ? parameters.exposure() : 0.0;
    }
    if (parameters.perpetual().equals(symbol)) {
      return invested ? -parameters.exposure() : 0.0;
    }
    throw new IllegalArgumentException(
        "this signal trades "
            + parameters.spot()
            + " and "
            + parameters.perpetual()
            + " but was asked about "
            + symbol);
  }
}
