package dev.tyche.backtest.runner;

import dev.tyche.backtest.feed.EventFeed;
import dev.tyche.backtest.feed.HistoricalFeed;
import dev.tyche.backtest.feed.MergedFeed;
import dev.tyche.backtest.internal.LazyLines;
import dev.tyche.backtest.result.BacktestResult;
import dev.tyche.backtest.result.Contribution;
import dev.tyche.backtest.result.Contributions;
import dev.tyche.backtest.result.CostSummary;
import dev.tyche.backtest.result.EquityCurve;
import dev.tyche.backtest.result.FillRecord;
import dev.tyche.backtest.result.FundingRecord;
import dev.tyche.backtest.result.StrategySeries;
import dev.tyche.core.account.Fill;
import dev.tyche.core.account.FundingPayment;
import dev.tyche.core.account.Ledger;
import dev.tyche.core.account.Position;
import dev.tyche.core.account.PositionMode;
import dev.tyche.core.account.PositionSide;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.ContractType;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.order.Execution;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderDenied;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderExpired;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.port.MarketDataListener;
import dev.tyche.core.stats.PerformanceMetrics;
import dev.tyche.core.stats.PerformanceSummary;
import dev.tyche.core.strategy.Strategy;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.core.time.SimulatedClock;
import dev.tyche.execution.engine.EventLog;
import dev.tyche.execution.engine.LogEntry;
import dev.tyche.execution.engine.RiskGate;
import dev.tyche.execution.engine.TradingEngine;
import dev.tyche.execution.sim.PositionLiquidated;
import dev.tyche.execution.sim.SimulatedVenue;
import dev.tyche.execution.sim.VenueAccountEvent;
import dev.tyche.execution.sim.VenueAccountListener;
import dev.tyche.risk.pretrade.PreTradeRule;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a backtest: replays a historical feed through the same {@link TradingEngine}, {@link
 * RiskGate} and {@link SimulatedVenue} that paper and live trading use, on a {@link
 * SimulatedClock}, and collects a {@link BacktestResult}.
 *
 * <p><b>One step per event</b> (the engine's {@link TradingEngine#process}): advance the clock to
 * the event's time, firing earlier timers at their own times; the venue matches resting orders
 * against the event; the event is dispatched to the strategies; their commands are processed (risk
 * gate, then venue) until nothing is pending at that time; timers due now fire. A strategy
 * therefore sees a bar at its close time and cannot trade on it before then; with the venue's bar
 * rules a market order decided at a close fills at the next bar's open at the earliest ({@code
 * NEXT_OPEN}) or at that close ({@code LAST_CLOSE}).
 *
 * <p><b>Sampling.</b> After the last event of a time at which a bar closed (and, if configured,
 * whenever the clock crosses the sampling grid, and at the end) the account is valued at the
 * engine's marks: equity, gross and net exposure, and each strategy's PnL. A sample after anything
 * was booked (a fill, funding, a liquidation, any non-market log entry) is valued exactly by the
 * ledgers; until the next booking, positions are unchanged, so later samples are valued from that
 * exact anchor as {@code E_anchor + sum_i q_i (mark_i - mark_i,anchor)} in {@code double} (equal to
 * the exact valuation up to rounding), and samples while every position is flat repeat the anchor's
 * row. This keeps the per-bar cost of sampling small on long minute-bar replays.
 *
 * <p><b>Event log.</b> The result's {@code eventLog} holds the engine's immutable log entries and
 * renders each line ({@code LogEntry.toString()}) only when it is read.
 *
 * <p><b>Costs.</b> Fees are the venue's maker/taker fees booked with each fill; funding is settled
 * by the engine at the funding times of the data (a {@code FundingRate} event per settlement, never
 * a constant rate), at the event's mark price or the engine's latest mark; slippage and impact come
 * from the venue's fill model and are measured per fill as implementation shortfall (see {@link
 * FillRecord}). A liquidation by the venue (isolated margin configured) is applied to the engine's
 * ledger and reported as a fill of strategy {@value #VENUE}.
 *
 * <p><b>Per-strategy PnL.</b> Each strategy's fills (and the funding on its own position) are also
 * booked in a private ledger, marked at the same prices; its equity is the strategy's PnL.
 *
 * <p><b>Determinism.</b> Nothing here reads the wall clock or an unseeded generator, and every
 * collection that decides an order is ordered; the same configuration and data give the same event
 * log, fills and curve, bit for bit.
 *
 * <p>Immutable and thread-safe (a static entry point; each run has its own engine, so runs may
 * execute in parallel).
 */
public final class BacktestRunner {

  /** The strategy name of fills the venue made on its own (liquidations). */
  public static final String VENUE = "venue";

  private BacktestRunner() {}

  /**
   * Runs a backtest over several feeds merged by event time (see {@link MergedFeed} for the
   * tie-break).
   *
   * @param config the configuration
   * @param feeds the feeds, at least one
   * @return the result
   */
  public static BacktestResult run(BacktestConfig config, List<? extends HistoricalFeed> feeds) {
    return run(config, new MergedFeed(feeds));
  }

  /**
   * Runs a backtest over one feed.
   *
   * @param config the configuration
   * @param feed the events, in event-time order, only for the configured instruments
   * @return the result
   * @throws IllegalArgumentException if the feed is empty or holds an event for an instrument that
   *     is not configured
   */
  public static BacktestResult run(BacktestConfig config, HistoricalFeed feed) {
    Objects.requireNonNull(config, "config must not be null");
    Objects.requireNonNull(feed, "feed must not be null");
    if (!feed.hasNext()) {
      throw new IllegalArgumentException("feed " + feed.name() + " must not be empty");
    }
    return new Run(config).execute(feed);
  }

  /** The state of one run. */
  private static final class Run implements EventLog, VenueAccountListener {
    private final BacktestConfig config;
    private final Asset valuation;
    private final Map<Symbol, Instrument> instruments = new LinkedHashMap<>();
    private final Map<String, Ledger> shadows = new LinkedHashMap<>();
    private final Map<String, Money> slippageBy = new HashMap<>();
    private final Map<String, Integer> fillsBy = new HashMap<>();
    private final Map<String, Optional<Price>> decisionPrices = new HashMap<>();
    // Log entries and runner lines, rendered to text only when read (see LazyLines).
    private Object[] lines = new Object[1024];
    private int lineCount;
    private final List<FillRecord> fills = new ArrayList<>();
    private final List<FundingRecord> funding = new ArrayList<>();
    // The samples column by column (equity, gross, net, then PnL and net exposure per strategy), so
    // a sample is a few stores rather than a row object; a column added later (the venue's bucket)
    // is zero in the samples before it.
    // Chunks of a fixed size rather than one array sized from the feed: exact-size million-sample
    // arrays are humongous G1 objects, and with them the benchmark showed erratic GC pauses.
    private final SampleColumns samples = new SampleColumns(0);
    // Scratch for one row and for revalue(), reused at every sample.
    private double[] revalueRow;
    private double[] scratchMarks;
    private double[] scratchEquity;
    // The row valueExactly() wrote last: while nothing is booked and every position is flat, every
    // later sample repeats it.
    private double[] anchorRow;
    // Valuation shortcuts (see sample()): every instrument perpetual and every balance in the
    // valuation asset, so equity = balance + unrealised PnL; and nothing booked since the last
    // sample while all positions were flat, so the last row still holds.
    private final boolean perpetualsOnly;
    private boolean foreignAsset;
    private boolean dirty = true;
    private boolean allFlat;
    private final Symbol[] symbols;
    private double[] anchorEquity;
    private double[][] anchorQty;
    private double[] anchorMarks;
    private SimulatedVenue venue;
    private TradingEngine engine;
    private Ledger ledger;
    private Money fundingSoFar;
    private Money makerFees;
    private Money takerFees;
    private Money slippage;
    private int submitted;
    private int denied;

    Run(BacktestConfig config) {
      this.config = config;
      this.valuation = config.valuation();
      boolean perps = true;
      for (Instrument i : config.instruments()) {
        instruments.put(i.symbol(), i);
        perps &= i.contractType() == ContractType.PERPETUAL;
      }
      perpetualsOnly = perps;
      symbols = instruments.keySet().toArray(new Symbol[0]);
      Money zero = Money.zero(valuation, 0);
      fundingSoFar = zero;
      makerFees = zero;
      takerFees = zero;
      slippage = zero;
      for (StrategyId id : config.strategies().keySet()) {
        shadow(id.value());
      }
    }

    BacktestResult execute(HistoricalFeed feed) {
      if (feed instanceof EventFeed) {
        // One line per event plus a few per order: sized once instead of grown by copying.
        int events = ((EventFeed) feed).size();
        lines = new Object[Math.max(1024, events + events / 16 + 64)];
      }
      SimulatedClock clock = SimulatedClock.startingAt(feed.peekTime());
      venue = new SimulatedVenue(config.venue(), clock, config.instruments());
      venue.deposit(config.initialDeposit());
      venue.setAccountListener(this);
      ledger = new Ledger(PositionMode.ONE_WAY);
      ledger.deposit(config.initialDeposit());
      SimulatedVenue v = venue;
      TradingEngine.Builder b =
          TradingEngine.builder()
              .name(config.name())
              .clock(clock)
              .executionClient(venue)
              .venueFeed(
                  new MarketDataListener() {
                    @Override
                    public void onMarketEvent(MarketEvent event) {
                      v.onMarketEvent(event);
                    }
                  })
              .ledger(ledger)
              .instruments(config.instruments().toArray(new Instrument[0]))
              .riskGate(RiskGate.of(valuation, config.riskRules().toArray(new PreTradeRule[0])))
              .eventLog(this);
      for (Map.Entry<StrategyId, Supplier<? extends Strategy>> e : config.strategies().entrySet()) {
        b.strategy(
            e.getKey(),
            Objects.requireNonNull(e.getValue().get(), "supplier of " + e.getKey() + " gave null"));
      }
      engine = b.build();
      engine.start();
      boolean barClosed = false;
      Symbol checked = null;
      long step = config.sampleEveryMillis();
      long t = clock.currentTimeMillis();
      while (feed.hasNext()) {
        MarketEvent e = feed.next();
        Symbol symbol = e.symbol();
        // Feeds repeat one symbol for long runs: check a new symbol instance only.
        if ((checked == null || symbol != checked) && !instruments.containsKey(symbol)) {
          throw new IllegalArgumentException(
              "feed event for "
                  + e.symbol()
                  + " but the backtest trades only "
                  + instruments.keySet()
                  + ": "
                  + e);
        }
        checked = symbol;
        engine.process(e);
        barClosed |= e instanceof Bar;
        t = e.eventTime();
        long next = feed.peekTime();
        if (next > t) {
          boolean grid =
              step > 0
                  && (next == Long.MAX_VALUE
                      || Math.floorDiv(next, step) != Math.floorDiv(t, step));
          if (barClosed || grid) {
            sample(t);
          }
          barClosed = false;
        }
      }
      // Commands still in flight (latency) arrive by the last event's time at the latest here.
      venue.advance();
      engine.runUntilIdle();
      if (samples.size() == 0 || samples.lastTime() < t) {
        sample(t);
      } else {
        // Re-value the last sample: the final drain may have filled orders at that same time.
        samples.removeLast();
        sample(t);
      }
      engine.stop();
      return result();
    }

    // ------------------------------------------------------------ the event log

    @Override
    public void append(LogEntry entry) {
      line(entry);
      if (entry.kind() != LogEntry.Kind.MARKET) {
        // Anything but market data may have changed a ledger: value the account afresh.
        dirty = true;
      }
      Object p = entry.payload();
      switch (entry.kind()) {
        case COMMAND:
          if (p instanceof SubmitOrder) {
            SubmitOrder o = (SubmitOrder) p;
            submitted++;
            decisionPrices.put(o.clientOrderId().value(), venue.referencePrice(o.symbol()));
          }
          break;
        case ORDER_EVENT:
          if (p instanceof OrderDenied) {
            denied++;
          } else if (p instanceof OrderFillEvent) {
            onFill(entry.time(), entry.strategy().map(StrategyId::value).orElse(VENUE), p);
          }
          if (ends(p)) {
            // Only fills read the decision price, and an order that ended fills no more (the
            // order manager refuses it), so the map holds the live orders only.
            decisionPrices.remove(((OrderEvent) p).clientOrderId().value());
          }
          break;
        case FUNDING:
          dirty = true;
          onFunding((FundingPayment) p);
          break;
        default:
          break;
      }
    }

    private void line(Object item) {
      if (lineCount == lines.length) {
        lines = Arrays.copyOf(lines, lines.length * 2);
      }
      lines[lineCount++] = item;
    }

    private void onFill(long time, String strategy, Object payload) {
      dirty = true;
      OrderFillEvent event = (OrderFillEvent) payload;
      Execution x = event.execution();
      shadow(strategy).apply(Fill.from(event, PositionSide.BOTH));
      Optional<Price> decision =
          decisionPrices.getOrDefault(event.clientOrderId().value(), Optional.empty());
      record(
          time,
          strategy,
          event.clientOrderId().value(),
          event.symbol(),
          x.side(),
          x.lastPrice(),
          x.lastQuantity(),
          x.fee(),
          x.liquidity(),
          decision,
          false);
    }

    private void record(
        long time,
        String strategy,
        String clientOrderId,
        Symbol symbol,
        Side side,
        Price price,
        dev.tyche.core.num.Quantity quantity,
        Money fee,
        Liquidity liquidity,
        Optional<Price> decision,
        boolean liquidation) {
      Money slip = Money.zero(valuation, 0);
      if (decision.isPresent()) {
        Decimal perUnit = price.minus(decision.get());
        Decimal cost = perUnit.times(quantity);
        slip = Money.of(valuation, side == Side.BUY ? cost : cost.negate());
      }
      fills.add(
          new FillRecord(
              time,
              strategy,
              clientOrderId,
              symbol,
              side,
              price,
              quantity,
              fee,
              liquidity,
              decision,
              slip,
              liquidation));
      foreignAsset |= !fee.asset().equals(valuation);
      if (fee.asset().equals(valuation)) {
        if (liquidity == Liquidity.MAKER) {
          makerFees = makerFees.plus(fee);
        } else {
          takerFees = takerFees.plus(fee);
        }
      }
      slippage = slippage.plus(slip);
      slippageBy.merge(strategy, slip, Money::plus);
      fillsBy.merge(strategy, 1, Integer::sum);
    }

    private void onFunding(FundingPayment payment) {
      Instrument i = instruments.get(payment.symbol());
      Money total = ledger.funding(i.marginAsset());
      Money amount = total.minus(fundingSoFar);
      fundingSoFar = total;
      if (!amount.isZero()) {
        funding.add(
            new FundingRecord(
                payment.fundingTime(),
                payment.symbol(),
                payment.rate(),
                payment.markPrice(),
                amount));
      }
      for (Ledger s : shadows.values()) {
        s.apply(payment);
      }
    }

    // ------------------------------------------------------------ venue account events

    @Override
    public void onAccountEvent(VenueAccountEvent event) {
      if (event instanceof PositionLiquidated) {
        dirty = true;
        Fill f = ((PositionLiquidated) event).fill();
        // The venue closed the position on its own; book it so the engine's ledger stays in step.
        ledger.apply(f);
        shadow(VENUE).apply(f);
        line("- " + f.eventTime() + " LIQUIDATION " + VENUE + " " + event);
        record(
            f.eventTime(),
            VENUE,
            "",
            f.symbol(),
            f.side(),
            f.price(),
            f.quantity(),
            f.fee(),
            Liquidity.TAKER,
            Optional.empty(),
            true);
      }
      // FundingSettled: the engine settles the same FundingRate event in its own ledger.
    }

    // ------------------------------------------------------------ sampling

    private Ledger shadow(String strategy) {
      return shadows.computeIfAbsent(
          strategy,
          k ->
              new Ledger(PositionMode.ONE_WAY, Ledger.DEFAULT_FUNDING_SCALE, instruments.values()));
    }

    private void sample(long time) {
      double[] r;
      if (!dirty && anchorEquity != null && anchorEquity.length == 1 + shadows.size()) {
        r = allFlat ? anchorRow : revalue();
      } else {
        r = valueExactly();
      }
      samples.add(time, r);
      dirty = false;
    }

    /**
     * Values the account and every strategy ledger exactly ({@link Ledger#equity} or, for
     * perpetuals in the valuation asset only, balance plus unrealised PnL, which is the same sum),
     * and remembers each ledger's equity, position sizes and the marks as the anchor for {@link
     * #revalue()}.
     */
    private double[] valueExactly() {
      int ledgers = 1 + shadows.size();
      int m = symbols.length;
      boolean fast = perpetualsOnly && !foreignAsset;
      double[] row = new double[1 + 2 + 2 * shadows.size()];
      double[] equity = new double[ledgers];
      double[][] qty = new double[ledgers][m];
      double[] marks = new double[m];
      boolean flat = true;
      int k = 0;
      for (Ledger l : ledgers()) {
        double e = fast ? value(l, qty[k], marks) : Double.NaN;
        if (Double.isNaN(e)) {
          // Not only perpetuals in the valuation asset, or a position without a mark: let the
          // ledger value it (and report a missing mark) exactly as it always does.
          Function<Symbol, Price> byEngine = s -> engine.markPrice(s).orElse(null);
          e = l.equity(valuation, byEngine).amount().toDouble();
          fast = false;
          for (Position p : l.positions()) {
            if (!p.isFlat()) {
              int i = index(p.symbol());
              qty[k][i] += p.signedQuantity().toDouble();
              marks[i] = byEngine.apply(p.symbol()).toDouble();
            }
          }
        }
        equity[k] = e;
        for (double q : qty[k]) {
          flat &= q == 0.0;
        }
        k++;
      }
      fill(row, equity, qty, marks);
      // Anchors only where valuation by sizes and marks is exact enough to carry forward.
      anchorEquity = fast ? equity : null;
      anchorQty = qty;
      anchorMarks = marks;
      anchorRow = row;
      allFlat = flat;
      return row;
    }

    /**
     * Values every ledger from its anchor when nothing was booked since: positions are unchanged,
     * so {@code E = E_anchor + sum_i q_i (mark_i - mark_i,anchor)} (double arithmetic; the exact
     * valuation differs by rounding only).
     */
    private double[] revalue() {
      int m = symbols.length;
      if (scratchMarks == null) {
        scratchMarks = new double[m];
      }
      double[] marks = scratchMarks;
      for (int i = 0; i < m; i++) {
        marks[i] = anchorMarks[i];
        for (double[] q : anchorQty) {
          if (q[i] != 0.0) {
            // A position open at the anchor had a mark then, and marks never disappear.
            marks[i] = engine.markPrice(symbols[i]).orElseThrow().toDouble();
            break;
          }
        }
      }
      if (scratchEquity == null || scratchEquity.length != anchorEquity.length) {
        scratchEquity = new double[anchorEquity.length];
        revalueRow = new double[1 + 2 * anchorEquity.length];
      }
      double[] equity = scratchEquity;
      for (int k = 0; k < equity.length; k++) {
        double e = anchorEquity[k];
        for (int i = 0; i < m; i++) {
          e += anchorQty[k][i] * (marks[i] - anchorMarks[i]);
        }
        equity[k] = e;
      }
      fill(revalueRow, equity, anchorQty, marks);
      return revalueRow;
    }

    /** Writes equity, gross and net exposure of the account, then PnL and net exposure each. */
    private void fill(double[] row, double[] equity, double[][] qty, double[] marks) {
      double total = equity[0];
      double gross = 0.0;
      double net = 0.0;
      for (int i = 0; i < marks.length; i++) {
        double notional = qty[0][i] * marks[i];
        gross += Math.abs(notional);
        net += notional;
      }
      row[0] = total;
      row[1] = total != 0.0 ? gross / total : 0.0;
      row[2] = total != 0.0 ? net / total : 0.0;
      for (int k = 1; k < equity.length; k++) {
        double sn = 0.0;
        for (int i = 0; i < marks.length; i++) {
          sn += qty[k][i] * marks[i];
        }
        row[1 + 2 * k] = equity[k];
        row[2 + 2 * k] = total != 0.0 ? sn / total : 0.0;
      }
    }

    private List<Ledger> ledgers() {
      List<Ledger> out = new ArrayList<>(1 + shadows.size());
      out.add(ledger);
      out.addAll(shadows.values());
      return out;
    }

    private int index(Symbol symbol) {
      for (int i = 0; i < symbols.length; i++) {
        if (symbols[i].equals(symbol)) {
          return i;
        }
      }
      throw new IllegalStateException("position in an unconfigured instrument " + symbol);
    }

    /**
     * A ledger's equity when every instrument is a perpetual margined in the valuation asset and
     * every balance is in that asset: the balance plus the unrealised PnL of each open position,
     * exactly as {@link Ledger#equity} sums it, without its per-call map copy. Writes each
     * position's signed size and mark.
     *
     * @return the equity, or NaN if an open position has no mark
     */
    private double value(Ledger l, double[] qty, double[] marks) {
      Money total = l.balance(valuation);
      for (int i = 0; i < symbols.length; i++) {
        Optional<Position> position = l.position(symbols[i]);
        if (position.isEmpty() || position.get().isFlat()) {
          continue;
        }
        Position p = position.get();
        Optional<Price> mark = engine.markPrice(symbols[i]);
        if (mark.isEmpty()) {
          Arrays.fill(qty, 0.0);
          return Double.NaN;
        }
        total = total.plus(p.unrealisedPnl(mark.get()));
        qty[i] = p.signedQuantity().toDouble();
        marks[i] = mark.get().toDouble();
      }
      return total.amount().toDouble();
    }

    // ------------------------------------------------------------ the result

    private BacktestResult result() {
      int n = samples.size();
      long[] t = samples.times();
      double[] eq = samples.column(0);
      double[] gross = samples.column(1);
      double[] net = samples.column(2);
      EquityCurve curve = EquityCurve.of(t, eq, gross, net);
      Function<Symbol, Price> marks = s -> engine.markPrice(s).orElse(null);
      Money finalEquity = ledger.equity(valuation, marks);

      List<StrategySeries> series = new ArrayList<>();
      List<Contribution> byStrategy = new ArrayList<>();
      int k = 3;
      for (Map.Entry<String, Ledger> e : shadows.entrySet()) {
        // A strategy added after every sample (the venue's bucket) has no column: zeros.
        double[] pnl = samples.column(k);
        double[] exposure = samples.column(k + 1);
        k += 2;
        String id = e.getKey();
        Ledger s = e.getValue();
        series.add(new StrategySeries(id, pnl, exposure));
        byStrategy.add(
            new Contribution(
                id,
                s.equity(valuation, marks).amount().toDouble(),
                s.fees(valuation).amount().toDouble(),
                s.funding(valuation).amount().toDouble(),
                slippageBy.getOrDefault(id, Money.zero(valuation, 0)).amount().toDouble(),
                fillsBy.getOrDefault(id, 0),
                n));
      }
      List<Contribution> byRegime =
          config.regimes().map(r -> Contributions.byRegime(curve, r)).orElse(List.of());
      Optional<PerformanceSummary> metrics = Optional.empty();
      if (n >= 3 && positive(eq)) {
        metrics = Optional.of(PerformanceMetrics.summarize(eq, config.periodsPerYear(), 0.0, 0.0));
      }
      return new BacktestResult(
          config.name(),
          config.initialDeposit(),
          finalEquity,
          config.periodsPerYear(),
          curve,
          fills,
          funding,
          new CostSummary(
              makerFees.round(8, RoundingMode.HALF_EVEN),
              takerFees.round(8, RoundingMode.HALF_EVEN),
              fundingSoFar,
              slippage),
          byStrategy,
          byRegime,
          series,
          config.regimes(),
          metrics,
          submitted,
          denied,
          new LazyLines(lines, lineCount));
    }

    private static boolean ends(Object event) {
      return event instanceof OrderFilled
          || event instanceof OrderDenied
          || event instanceof OrderCancelled
          || event instanceof OrderExpired
          || event instanceof OrderRejected;
    }

    private static boolean positive(double[] values) {
      for (double v : values) {
        if (!(v > 0.0)) {
          return false;
        }
      }
      return true;
    }
  }
}
