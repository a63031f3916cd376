package dev.tyche.backtest.result;

import dev.tyche.backtest.internal.LazyLines;
import dev.tyche.core.num.Money;
import dev.tyche.core.stats.PerformanceSummary;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a backtest produced. It describes a historical simulation: it is not a forecast and
 * not a promise of profit.
 *
 * <p>Money figures are exact where the ledger is exact ({@link #initialEquity()}, {@link
 * #finalEquity()}, fees, funding); the curve, contributions and metrics are {@code double}
 * analytics. {@code finalEquity - initialEquity = sum of fill cash flows + open positions at the
 * last marks - fees + funding}, exactly (the ledger's identity).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the run's name
 * @param initialEquity the deposit, in the valuation asset
 * @param finalEquity equity at the end, at the last marks
 * @param periodsPerYear sampling periods per year used to annualise the metrics (8760 for hourly
 *     samples of a 24/7 market)
 * @param equity the equity, drawdown and exposure curve
 * @param fills every fill, in booking order
 * @param funding every funding settlement that moved money, in order
 * @param costs fees, funding and slippage totals
 * @param byStrategy PnL per strategy (plus {@code "venue"} if a liquidation happened)
 * @param byRegime PnL per regime label, empty without a regime series
 * @param strategySeries per-strategy PnL and exposure at the curve's times
 * @param regimes the regime series used for attribution and shading, if any
 * @param metrics core's performance metrics of the equity curve with {@code periodsPerYear}, rf = 0
 *     and MAR = 0; empty when the curve has fewer than 3 samples or a non-positive equity
 * @param ordersSubmitted orders strategies submitted
 * @param ordersDenied orders the risk gate denied
 * @param eventLog the engine's event log, one line per entry ({@code LogEntry.toString()}); the
 *     runner's list renders lines on demand and is kept as is, any other list is copied
 */
public record BacktestResult(
    String name,
    Money initialEquity,
    Money finalEquity,
    double periodsPerYear,
    EquityCurve equity,
    List<FillRecord> fills,
    List<FundingRecord> funding,
    CostSummary costs,
    List<Contribution> byStrategy,
    List<Contribution> byRegime,
    List<StrategySeries> strategySeries,
    Optional<RegimeSeries> regimes,
    Optional<PerformanceSummary> metrics,
    int ordersSubmitted,
    int ordersDenied,
    List<String> eventLog) {

  /** Checks for nulls and copies the lists. */
  public BacktestResult {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(initialEquity, "initialEquity must not be null");
    Objects.requireNonNull(finalEquity, "finalEquity must not be null");
    if (!(periodsPerYear > 0.0 && Double.isFinite(periodsPerYear))) {
      throw new IllegalArgumentException(
          "periodsPerYear must be finite and > 0 but was " + periodsPerYear);
    }
    Objects.requireNonNull(equity, "equity must not be null");
    fills = List.copyOf(fills);
    funding = List.copyOf(funding);
    Objects.requireNonNull(costs, "costs must not be null");
    byStrategy = List.copyOf(byStrategy);
    byRegime = List.copyOf(byRegime);
    strategySeries = List.copyOf(strategySeries);
    Objects.requireNonNull(regimes, "regimes must not be null");
    Objects.requireNonNull(metrics, "metrics must not be null");
    Objects.requireNonNull(eventLog, "eventLog must not be null");
    // The runner's lines are already an immutable snapshot, rendered on demand; copying would
    // format every line now.
    eventLog = eventLog instanceof LazyLines ? eventLog : List.copyOf(eventLog);
  }

  /**
   * Net PnL: final minus initial equity.
   *
   * @return the PnL, exact
   */
  public Money pnl() {
    return finalEquity.minus(initialEquity);
  }

  /**
   * Total return {@code finalEquity / initialEquity - 1}.
   *
   * @return the return as a fraction
   */
  public double totalReturn() {
    return finalEquity.amount().toDouble() / initialEquity.amount().toDouble() - 1.0;
  }
}
