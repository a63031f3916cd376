package dev.tyche.examples.flagship;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.Side;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.strategy.Strategy;
import dev.tyche.core.strategy.StrategyContext;
import dev.tyche.core.strategy.TimerEvent;
import dev.tyche.core.time.BarInterval;
import dev.tyche.execution.algo.AlgoSettings;
import dev.tyche.execution.algo.AlgoState;
import dev.tyche.execution.algo.AlmgrenChrissAlgorithm;
import dev.tyche.execution.algo.ParentOrder;
import dev.tyche.execution.schedule.AlmgrenChriss;
import dev.tyche.execution.schedule.AlmgrenChrissParameters;
import dev.tyche.execution.schedule.LinearImpact;
import dev.tyche.portfolio.optimize.MeanVarianceOptimizer;
import dev.tyche.portfolio.optimize.PortfolioConstraints;
import dev.tyche.portfolio.optimize.PortfolioResult;
import dev.tyche.risk.drawdown.DrawdownMonitor;
import dev.tyche.risk.drawdown.DrawdownPolicy;
import dev.tyche.risk.drawdown.DrawdownTier;
import dev.tyche.risk.kelly.GaussianKelly;
import dev.tyche.risk.kelly.KellyBet;
import dev.tyche.risk.kelly.KellyConstraints;
import dev.tyche.risk.margin.LeverageBracket;
import dev.tyche.risk.margin.LeverageBrackets;
import dev.tyche.risk.margin.PositionDirection;
import dev.tyche.risk.sizing.PositionSizer;
import dev.tyche.risk.sizing.SizingRequest;
import dev.tyche.risk.sizing.VarBudget;
import dev.tyche.risk.var.CvarRule;
import dev.tyche.risk.var.QuantileRule;
import dev.tyche.risk.var.ValueAtRisk;
import dev.tyche.risk.var.VarEstimate;
import dev.tyche.strategy.allocation.AllocationMatrix;
import dev.tyche.strategy.allocation.MarketRegime;
import dev.tyche.strategy.allocation.StrategyStyle;
import dev.tyche.strategy.meanreversion.MeanReversionParameters;
import dev.tyche.strategy.meanreversion.MeanReversionSignal;
import dev.tyche.strategy.range.RangeTradingParameters;
import dev.tyche.strategy.range.RangeTradingSignal;
import dev.tyche.strategy.signal.SignalGenerator;
import dev.tyche.strategy.trend.MovingAverageType;
import dev.tyche.strategy.trend.TrendFollowingParameters;
import dev.tyche.strategy.trend.TrendFollowingSignal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The flagship's strategy: one {@link Strategy} that composes the library's pieces for two
 * perpetuals, deciding once a day (at the close of the UTC day's last hourly bar) and executing
 * over the next hours.
 *
 * <ol>
 *   <li><b>Signals</b> on daily bars: trend following (EMA fast/slow, the swept parameters), mean
 *       reversion and range trading (library defaults), per instrument.
 *   <li><b>Regime x strategy matrix</b>: the instrument's regime for the day (from a {@link
 *       dev.tyche.strategy.regime.detector.RegimeDetector} run on daily closes, see {@link
 *       RegimeTable}) selects a row of {@link AllocationMatrix#defaults()}; the net exposure is the
 *       weighted sum of the three signals, clipped to [-1, 1]. The matrix's funding-carry column is
 *       not run (it needs a spot leg; the bundled data has perpetuals only), so its weight stays in
 *       cash.
 *   <li><b>Portfolio weights</b>: long-only minimum-variance weights of the two instruments, each
 *       in [0.2, 0.8], from the trailing 90 daily returns ({@link MeanVarianceOptimizer}).
 *   <li><b>Sizing</b>: the notional {@code net x weight x equity x drawdown multiplier} is capped
 *       by {@link PositionSizer} with a fractional Gaussian Kelly bet on the trailing 60 daily
 *       returns in the position's direction and a 99 % historical-CVaR budget of 2 % of the
 *       sleeve's equity per day. The {@link DrawdownMonitor} (tiers 10 / 20 / 30 % -> x0.75 / x0.5
 *       / x0.25, no kill switch, 2 % hysteresis) is updated at every hourly close.
 *   <li><b>Execution</b>: a position change becomes a parent order traded by the library's {@link
 *       AlmgrenChrissAlgorithm} over the next 4 hours in 4 hourly market children, hosted inside
 *       this strategy (it forwards events and timers to it).
 * </ol>
 *
 * <p>Which trend parameters and Kelly fraction apply can change over time ({@link Schedule}); the
 * strategy keeps a trend generator for every candidate warm, so a switch at a walk-forward window
 * boundary uses indicators that have seen the whole history. Daily bars are aggregated from the
 * hourly bars beforehand ({@link DailyBars}) and handed over only at the close of their last hour,
 * so no decision uses a bar before it is complete.
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class FlagshipStrategy implements Strategy {

  /** Trailing daily returns for the portfolio weights. */
  static final int WEIGHT_LOOKBACK = 90;

  /** Trailing daily returns for the Kelly estimate. */
  static final int KELLY_LOOKBACK = 60;

  /** Trailing daily returns for the CVaR estimate. */
  static final int VAR_LOOKBACK = 250;

  /** Execution horizon of one parent order, in hours (and hourly children). */
  static final int EXECUTION_HOURS = 4;

  private static final long HOUR = BarInterval.HOUR_1.durationMillis();
  private static final long DAY = BarInterval.DAY_1.durationMillis();

  /**
   * One candidate's parameters.
   *
   * @param trendFast the fast EMA period of the trend signal, daily bars
   * @param trendSlow the slow EMA period, daily bars, {@code > trendFast}
   * @param kellyFraction the Kelly multiplier, in (0, 1]
   */
  public record Params(int trendFast, int trendSlow, double kellyFraction) {}

  /**
   * Which parameters apply from when: entry {@code i} applies from {@code from[i]} (UTC ms) until
   * the next; before {@code from[0]} the strategy does not trade.
   *
   * @param from start times, strictly increasing
   * @param params the parameters of each entry
   */
  public record Schedule(long[] from, List<Params> params) {
    /** Validates lengths. */
    public Schedule {
      from = from.clone();
      params = List.copyOf(params);
      if (from.length != params.size() || from.length == 0) {
        throw new IllegalArgumentException(
            "from and params must be non-empty and of equal length but were "
                + from.length
                + " and "
                + params.size());
      }
    }

    /**
     * One set of parameters for all times.
     *
     * @param p the parameters
     * @return the schedule
     */
    public static Schedule constant(Params p) {
      return new Schedule(new long[] {Long.MIN_VALUE}, List.of(p));
    }

    Params at(long time) {
      Params p = null;
      for (int i = 0; i < from.length && from[i] <= time; i++) {
        p = params.get(i);
      }
      return p;
    }
  }

  private final class Leg {
    final Instrument instrument;
    final List<Bar> daily;
    final RegimeTable.Regimes regimes;
    final Map<Params, TrendFollowingSignal> trend = new LinkedHashMap<>();
    final MeanReversionSignal meanReversion;
    final RangeTradingSignal range;
    final List<Double> returns = new ArrayList<>();
    final List<Double> hourlyVolume = new ArrayList<>();
    int next;
    double lastClose = Double.NaN;
    AlmgrenChrissAlgorithm algo;

    Leg(Instrument instrument, List<Bar> daily, RegimeTable.Regimes regimes, List<Params> all) {
      this.instrument = instrument;
      this.daily = daily;
      this.regimes = regimes;
      Symbol s = instrument.symbol();
      for (Params p : all) {
        trend.computeIfAbsent(
            p,
            q ->
                new TrendFollowingSignal(
                    new TrendFollowingParameters(
                        s,
                        BarInterval.DAY_1,
                        MovingAverageType.EMA,
                        q.trendFast(),
                        q.trendSlow(),
                        14,
                        3.0,
                        true)));
      }
      meanReversion =
          new MeanReversionSignal(MeanReversionParameters.defaults(s, BarInterval.DAY_1));
      range = new RangeTradingSignal(RangeTradingParameters.defaults(s, BarInterval.DAY_1));
    }

    /** Feeds daily bars that closed at or before {@code time}. */
    void feedDaily(long time) {
      while (next < daily.size() && daily.get(next).openTime() + DAY - 1 <= time) {
        Bar d = daily.get(next++);
        for (SignalGenerator g : trend.values()) {
          g.onMarketEvent(d);
        }
        meanReversion.onMarketEvent(d);
        range.onMarketEvent(d);
        double c = d.close().toDouble();
        if (!Double.isNaN(lastClose)) {
          returns.add(c / lastClose - 1.0);
        }
        lastClose = c;
      }
    }
  }

  private final Map<Symbol, Leg> legs = new LinkedHashMap<>();
  private final Schedule schedule;
  private final AllocationMatrix<StrategyStyle> matrix = AllocationMatrix.defaults();
  private final DrawdownMonitor drawdown;
  private final Map<Symbol, Double> weights = new HashMap<>();
  private StrategyContext context;
  private long decisionDay = Long.MIN_VALUE;
  private int parents;

  /**
   * Creates the strategy.
   *
   * @param instruments the instruments, in portfolio order
   * @param daily the daily bars of each instrument (aggregated from the hourly bars)
   * @param regimes the regimes of each instrument by day
   * @param schedule the parameters over time
   * @param candidates every parameter set the schedule may use (their trend generators are kept
   *     warm)
   * @param warmUpUntil daily bars that closed before this time are fed at construction (history
   *     before the feed starts); {@code Long.MIN_VALUE} for none
   */
  public FlagshipStrategy(
      List<Instrument> instruments,
      Map<Symbol, List<Bar>> daily,
      Map<Symbol, RegimeTable.Regimes> regimes,
      Schedule schedule,
      List<Params> candidates,
      long warmUpUntil) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    List<Params> all = new ArrayList<>(candidates);
    all.addAll(schedule.params());
    for (Instrument i : instruments) {
      Leg leg = new Leg(i, daily.get(i.symbol()), regimes.get(i.symbol()), all);
      if (warmUpUntil != Long.MIN_VALUE) {
        leg.feedDaily(warmUpUntil - 1);
      }
      legs.put(i.symbol(), leg);
      weights.put(i.symbol(), 1.0 / instruments.size());
    }
    this.drawdown =
        new DrawdownMonitor(
            new DrawdownPolicy(
                List.of(
                    new DrawdownTier("mild", 0.10, 0.75, false),
                    new DrawdownTier("moderate", 0.20, 0.5, false),
                    new DrawdownTier("severe", 0.30, 0.25, false)),
                0.02));
  }

  /**
   * Parent orders started so far.
   *
   * @return the count
   */
  public int parentOrders() {
    return parents;
  }

  @Override
  public void onStart(StrategyContext ctx) {
    this.context = Objects.requireNonNull(ctx, "context");
    for (Symbol s : legs.keySet()) {
      ctx.subscribe(Subscription.bars(s, BarInterval.HOUR_1));
    }
  }

  @Override
  public void onMarketEvent(MarketEvent event) {
    for (Leg leg : legs.values()) {
      if (leg.algo != null) {
        leg.algo.onMarketEvent(event);
      }
    }
    if (!(event instanceof Bar bar) || bar.intervalMillis() != HOUR) {
      return;
    }
    Leg leg = legs.get(bar.symbol());
    if (leg == null) {
      return;
    }
    leg.hourlyVolume.add(bar.volume().toDouble());
    double equity = equity();
    if (equity > 0) {
      drawdown.update(bar.closeTime(), equity);
    }
    long close = bar.openTime() + HOUR;
    if (Math.floorMod(close, DAY) != 0) {
      return;
    }
    leg.feedDaily(bar.closeTime());
    if (close != decisionDay) {
      decisionDay = close;
      updateWeights();
    }
    Params p = schedule.at(bar.closeTime());
    if (p != null && equity > 0) {
      decide(leg, p, bar, equity);
    }
  }

  private double equity() {
    return context.portfolio().equity(Asset.USDT).amount().toDouble();
  }

  private void updateWeights() {
    List<Leg> list = new ArrayList<>(legs.values());
    int n = Integer.MAX_VALUE;
    for (Leg l : list) {
      n = Math.min(n, l.returns.size());
    }
    if (list.size() < 2 || n < WEIGHT_LOOKBACK) {
      return;
    }
    double[][] r = new double[WEIGHT_LOOKBACK][list.size()];
    for (int j = 0; j < list.size(); j++) {
      List<Double> x = list.get(j).returns;
      for (int t = 0; t < WEIGHT_LOOKBACK; t++) {
        r[t][j] = x.get(x.size() - WEIGHT_LOOKBACK + t);
      }
    }
    PortfolioResult res =
        MeanVarianceOptimizer.fromReturns(r, 0.0, 365)
            .minimumVariance(PortfolioConstraints.box(list.size(), 0.2, 0.8));
    if (res.isOptimal()) {
      double[] w = res.weights();
      for (int j = 0; j < list.size(); j++) {
        weights.put(list.get(j).instrument.symbol(), w[j]);
      }
    }
  }

  private void decide(Leg leg, Params p, Bar bar, double equity) {
    Symbol s = leg.instrument.symbol();
    MarketRegime regime = leg.regimes.at(bar.closeTime());
    double net =
        matrix.weight(regime, StrategyStyle.TREND_FOLLOWING) * leg.trend.get(p).target(s)
            + matrix.weight(regime, StrategyStyle.MEAN_REVERSION) * leg.meanReversion.target(s)
            + matrix.weight(regime, StrategyStyle.RANGE_TRADING) * leg.range.target(s);
    net = Math.max(-1.0, Math.min(1.0, net));
    double price = bar.close().toDouble();
    double sleeve = weights.get(s) * equity;
    double wanted = Math.abs(net) * sleeve * drawdown.exposureMultiplier() / price;
    double cap = 0.0;
    if (wanted > 0 && leg.returns.size() >= KELLY_LOOKBACK) {
      cap = sizeCap(leg, net > 0, bar.close(), equity, sleeve, p.kellyFraction());
    }
    double target = Math.signum(net) * Math.min(wanted, cap);
    Quantity targetQty =
        leg.instrument.roundQuantity(Math.abs(target), dev.tyche.core.instrument.GridRounding.DOWN);
    double signedTarget = Math.signum(target) * targetQty.toDouble();
    double current = context.portfolio().netQuantity(s).toDouble();
    double delta = signedTarget - current;
    // Skip small adjustments (under 5 % of the sleeve) unless the target is flat.
    if (Math.abs(delta) * price < 0.05 * sleeve && signedTarget != 0.0) {
      return;
    }
    Quantity q =
        leg.instrument.roundQuantity(Math.abs(delta), dev.tyche.core.instrument.GridRounding.DOWN);
    if (q.isZero()) {
      return;
    }
    startParent(leg, delta > 0 ? Side.BUY : Side.SELL, q, bar, price);
  }

  private double sizeCap(
      Leg leg, boolean longSide, Price price, double equity, double sleeve, double kellyFraction) {
    double sign = longSide ? 1.0 : -1.0;
    // Kelly on the instrument's own trailing returns: a negative drift gives a negative (short)
    // fraction; the sizer keeps the bet only if it points the same way as the signal.
    double[] kellyReturns = tail(leg.returns, KELLY_LOOKBACK, 1.0);
    double mean = 0;
    for (double x : kellyReturns) {
      mean += x;
    }
    mean /= kellyReturns.length;
    double ss = 0;
    for (double x : kellyReturns) {
      ss += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(ss / (kellyReturns.length - 1));
    if (!(sd > 0)) {
      return 0.0;
    }
    KellyBet bet =
        GaussianKelly.bet(
            mean, 0.0, sd, KellyConstraints.NONE.withFraction(kellyFraction).withMaxLeverage(2.0));
    // The loss distribution of the position's direction: negated returns for a short.
    double[] varReturns = tail(leg.returns, Math.min(VAR_LOOKBACK, leg.returns.size()), sign);
    VarEstimate cvar =
        ValueAtRisk.historical(varReturns, 0.99, QuantileRule.TYPE_7_LINEAR, CvarRule.WORST_K_MEAN);
    SizingRequest request =
        SizingRequest.builder(
                leg.instrument,
                brackets(leg.instrument.symbol()),
                longSide ? PositionDirection.LONG : PositionDirection.SHORT,
                price,
                Decimal.fromDouble(equity, 8, RoundingMode.DOWN),
                3)
            .kelly(bet)
            .varBudget(VarBudget.ofEstimate(cvar, true, price, 0.02 * sleeve))
            .build();
    return PositionSizer.size(request).quantity().toDouble();
  }

  private static double[] tail(List<Double> x, int n, double sign) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = sign * x.get(x.size() - n + i);
    }
    return out;
  }

  /** One bracket, generous: the example's positions are far below Binance's first cap. */
  private static LeverageBrackets brackets(Symbol s) {
    return LeverageBrackets.of(
        s,
        new LeverageBracket(
            1,
            20,
            Decimal.ZERO,
            Decimal.parse("1000000000"),
            Decimal.parse("0.005"),
            Decimal.ZERO));
  }

  private void startParent(Leg leg, Side side, Quantity q, Bar bar, double price) {
    if (leg.algo != null && !done(leg.algo.state())) {
      leg.algo.cancel();
    }
    Symbol s = leg.instrument.symbol();
    long start = bar.closeTime() + 1;
    ParentOrder parent =
        new ParentOrder(
            s.value().substring(0, 3) + "-" + (parents++),
            s,
            side,
            q,
            start,
            start + EXECUTION_HOURS * HOUR);
    double dailySd = Math.sqrt(variance(tail(leg.returns, Math.min(30, leg.returns.size()), 1.0)));
    double sigmaPerHour = Math.max(1e-6, dailySd / Math.sqrt(24.0)) * price;
    double hourlyVolume = meanTail(leg.hourlyVolume, 24);
    // Linear temporary impact: trading 1 % of the hourly volume in an hour costs 10 bp (an
    // assumption of this example, not a calibration); 1 bp fixed cost (half the spread).
    double eta = 0.001 * price / Math.max(1e-9, 0.01 * hourlyVolume);
    AlmgrenChrissParameters ac =
        AlmgrenChrissParameters.of(
            side,
            q.toDouble(),
            EXECUTION_HOURS,
            EXECUTION_HOURS,
            sigmaPerHour,
            new LinearImpact(1e-4 * price, eta, 0.0));
    double lambda = AlmgrenChriss.riskAversionForHalfLife(ac, 1.5);
    AlmgrenChrissAlgorithm algo =
        AlmgrenChrissAlgorithm.optimal(
            parent, AlgoSettings.market(Subscription.bars(s, BarInterval.HOUR_1)), ac, lambda);
    leg.algo = algo;
    algo.onStart(context);
  }

  private static boolean done(AlgoState state) {
    return state != AlgoState.PENDING && state != AlgoState.WORKING;
  }

  private static double variance(double[] x) {
    if (x.length < 2) {
      return 0.0;
    }
    double m = 0;
    for (double v : x) {
      m += v;
    }
    m /= x.length;
    double ss = 0;
    for (double v : x) {
      ss += (v - m) * (v - m);
    }
    return ss / (x.length - 1);
  }

  private static double meanTail(List<Double> x, int n) {
    int k = Math.min(n, x.size());
    double sum = 0;
    for (int i = x.size() - k; i < x.size(); i++) {
      sum += x.get(i);
    }
    return k == 0 ? 0.0 : sum / k;
  }

  @Override
  public void onOrderEvent(OrderEvent event) {
    Leg leg = legs.get(event.symbol());
    if (leg != null && leg.algo != null) {
      leg.algo.onOrderEvent(event);
    }
  }

  @Override
  public void onTimer(TimerEvent timer) {
    for (Leg leg : legs.values()) {
      if (leg.algo != null) {
        leg.algo.onTimer(timer);
      }
    }
  }
}
