package dev.tyche.examples.binance;

import dev.tyche.binance.config.BinanceConfig;
import dev.tyche.binance.mapping.InstrumentMapping;
import dev.tyche.binance.rest.BinanceRestClient;
import dev.tyche.binance.rest.Sleeper;
import dev.tyche.binance.ws.MarketStreamClient;
import dev.tyche.binance.ws.StreamNames;
import dev.tyche.core.account.Ledger;
import dev.tyche.core.account.Position;
import dev.tyche.core.account.PositionMode;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.GridRounding;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.market.Quote;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.OrderDenied;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.port.MarketDataKind;
import dev.tyche.core.port.MarketDataListener;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.strategy.Strategy;
import dev.tyche.core.strategy.StrategyContext;
import dev.tyche.core.strategy.StrategyId;
import dev.tyche.core.strategy.TimerEvent;
import dev.tyche.core.time.Clock;
import dev.tyche.core.time.SystemClock;
import dev.tyche.examples.support.TextTable;
import dev.tyche.execution.engine.RiskGate;
import dev.tyche.execution.engine.TradingEngine;
import dev.tyche.execution.sim.FeeSchedule;
import dev.tyche.execution.sim.FillModel;
import dev.tyche.execution.sim.SimulatedVenue;
import dev.tyche.execution.sim.SimulatedVenueConfig;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Paper trading: live Binance USDⓈ-M public market data (best bid/ask and aggregate trades of
 * BTCUSDT over WebSocket) drives the same {@link TradingEngine} and {@link SimulatedVenue} that
 * backtests use, on the system clock. No order reaches Binance and no API key is needed: the
 * simulated venue fills the orders against the live quotes (takers at the best opposite quote,
 * Binance VIP 0 fees).
 *
 * <p>The demonstration strategy is deliberately trivial: it buys a small quantity (about 150 USDT)
 * with a market order on the first quote after the first trade and sells it again with a
 * reduce-only market order half way through the run. It shows the plumbing, not a way to make
 * money.
 *
 * <p>Arguments: {@code --testnet} to use the Binance demo (testnet) environment instead of the
 * production public streams; {@code --seconds=N} for the run length (default 60). The program needs
 * network access: it checks name resolution and fetches the exchange information first, and stops
 * with a message (exit status 0) if either fails or if no quote arrives within 20 seconds. The
 * project's tests never run it.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class PaperTradingExample {

  /** The traded symbol. */
  static final Symbol SYMBOL = Symbol.of("BTCUSDT");

  /** The paper account's starting balance, USDT. */
  static final String DEPOSIT = "10000";

  /** The target notional of the demonstration trade, USDT. */
  static final double TARGET_NOTIONAL = 150.0;

  /** How long to wait for the first quote before giving up, seconds. */
  static final int FIRST_QUOTE_TIMEOUT_SECONDS = 20;

  private static final StrategyId STRATEGY = StrategyId.of("paper-demo");

  private PaperTradingExample() {}

  /**
   * Runs the example; needs network access.
   *
   * @param args {@code --testnet}, {@code --seconds=N}
   * @throws InterruptedException if interrupted while waiting for data
   */
  public static void main(String[] args) throws InterruptedException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    boolean testnet = false;
    int seconds = 60;
    for (String a : args) {
      if (a.equals("--testnet")) {
        testnet = true;
      } else if (a.startsWith("--seconds=")) {
        seconds = Integer.parseInt(a.substring("--seconds=".length()));
      } else {
        out.println("unknown argument " + a + "; use --testnet and --seconds=N");
        return;
      }
    }
    if (seconds < 10) {
      out.println("--seconds must be at least 10 but was " + seconds);
      return;
    }
    BinanceConfig config = testnet ? BinanceConfig.testnet(null) : BinanceConfig.production(null);
    out.println("Tyche example: paper trading " + SYMBOL + " on live Binance market data");
    out.println(
        "This example NEEDS NETWORK ACCESS to Binance's public "
            + (testnet ? "testnet (demo)" : "production")
            + " market data: "
            + config.restBaseUrl()
            + " and "
            + config.wsPublicUrl().getHost()
            + ".");
    out.println("Orders go to a simulated venue inside this JVM; nothing is sent to Binance.");
    out.println();

    Optional<String> unreachable = checkNetwork(config.restBaseUrl(), config.wsPublicUrl());
    if (unreachable.isPresent()) {
      out.println("No network access: " + unreachable.get());
      out.println("Nothing was run. Try again with network access.");
      return;
    }
    Instrument instrument;
    try {
      BinanceRestClient rest =
          new BinanceRestClient(config, SystemClock.INSTANCE, Sleeper.THREAD_SLEEP, 1);
      instrument =
          InstrumentMapping.toInstruments(rest.exchangeInfo()).stream()
              .filter(i -> i.symbol().equals(SYMBOL))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException(SYMBOL + " is not listed"));
    } catch (RuntimeException e) {
      out.println("Could not fetch the exchange information: " + e.getMessage());
      out.println("Nothing was run.");
      return;
    }
    out.println("Instrument from exchangeInfo: " + instrument);

    DemoStrategy strategy = new DemoStrategy(SYMBOL, TARGET_NOTIONAL, seconds * 500L);
    Paper paper = Paper.wire(SystemClock.INSTANCE, instrument, strategy);
    paper.engine().startOnOwnThread();
    List<MarketStreamClient> streams = new ArrayList<>();
    try {
      streams.add(
          stream(config.wsPublicUrl(), paper.engine().marketDataListener(), 1, bookTicker()));
      streams.add(stream(config.wsMarketUrl(), paper.engine().marketDataListener(), 2, aggTrade()));
      out.printf(Locale.ROOT, "Subscribed; running for %d s ...%n", seconds);
      if (!strategy.firstQuote.await(FIRST_QUOTE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        out.printf(
            Locale.ROOT,
            "No quote arrived within %d s (no network access to the WebSocket streams?);"
                + " stopping.%n",
            FIRST_QUOTE_TIMEOUT_SECONDS);
        return;
      }
      Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    } finally {
      for (MarketStreamClient s : streams) {
        s.close();
      }
      paper.engine().stop();
    }
    paper.engine().failure().ifPresent(e -> out.println("The engine failed: " + e));
    out.println();
    report(out, paper, strategy, seconds);
  }

  private static String bookTicker() {
    return StreamNames.bookTicker(SYMBOL);
  }

  private static String aggTrade() {
    return StreamNames.aggTrade(SYMBOL);
  }

  private static MarketStreamClient stream(
      URI route, MarketDataListener listener, long seed, String name) {
    MarketStreamClient c =
        new MarketStreamClient(
            route,
            listener,
            SystemClock.INSTANCE,
            seed,
            MarketStreamClient.Options.defaults(),
            null);
    c.subscribe(name);
    c.start();
    return c;
  }

  /** Name resolution of the REST and WebSocket hosts: fails fast when there is no network. */
  static Optional<String> checkNetwork(URI... uris) {
    for (URI u : uris) {
      try {
        InetAddress.getByName(u.getHost());
      } catch (UnknownHostException e) {
        return Optional.of("cannot resolve " + u.getHost() + " (" + e.getMessage() + ")");
      }
    }
    return Optional.empty();
  }

  static void report(PrintStream out, Paper paper, DemoStrategy s, int seconds) {
    SimulatedVenue v = paper.venue();
    out.printf(
        Locale.ROOT,
        "Received in %d s: %d quotes, %d trades of %s.%n",
        seconds,
        s.quotes,
        s.trades,
        SYMBOL);
    TextTable fills = new TextTable("time (UTC)", "side", "quantity", "price", "fee USDT", "role");
    for (OrderFillEvent f : s.fills) {
      fills.row(
          Instant.ofEpochMilli(f.eventTime()).toString(),
          f.execution().side().toString(),
          f.execution().lastQuantity().toPlainString(),
          f.execution().lastPrice().toPlainString(),
          f.execution().fee().amount().toPlainString(),
          f.execution().liquidity().toString());
    }
    if (fills.size() == 0) {
      out.println("No fills.");
    } else {
      fills.print(out);
    }
    for (String n : s.notes) {
      out.println(n);
    }
    out.println();
    TextTable account = new TextTable("paper account (simulated venue)", "USDT");
    account.row("deposit", DEPOSIT);
    account.row("fees paid", v.fees(Asset.USDT).amount().toPlainString());
    account.row("wallet balance now", v.balance(Asset.USDT).amount().toPlainString());
    Optional<Position> pos = v.position(SYMBOL);
    account.row(
        "open position (" + SYMBOL + ")",
        pos.filter(p -> !p.isFlat()).map(p -> p.signedQuantity().toPlainString()).orElse("flat"));
    account.row(
        "engine ledger balance", paper.ledger().balance(Asset.USDT).amount().toPlainString());
    account.print(out);
    out.println();
    out.println("The balance change is the round trip's price difference minus two taker fees");
    out.println("over a few seconds of real quotes: noise, not a result.");
  }

  /**
   * The engine, venue and ledger of a paper (or, with a simulated clock, replayed) session.
   *
   * @param engine the engine
   * @param venue the simulated venue
   * @param ledger the engine's ledger
   */
  record Paper(TradingEngine engine, SimulatedVenue venue, Ledger ledger) {

    /**
     * Wires one strategy to a simulated venue, as paper trading does: the venue sees every market
     * event first (it matches there), then the strategy; Binance VIP 0 fees; takers fill at the
     * best opposite quote.
     *
     * @param clock the system clock live, a simulated clock in tests
     * @param instrument the traded instrument
     * @param strategy the strategy
     * @return the parts, not started
     */
    static Paper wire(Clock clock, Instrument instrument, Strategy strategy) {
      SimulatedVenue venue =
          new SimulatedVenue(
              SimulatedVenueConfig.of(FillModel.trades())
                  .withFees(FeeSchedule.BINANCE_VIP0)
                  .withSeed(1),
              clock,
              List.of(instrument));
      Money deposit = Money.of(Asset.USDT, Decimal.parse(DEPOSIT));
      venue.deposit(deposit);
      Ledger ledger = new Ledger(PositionMode.ONE_WAY);
      ledger.deposit(deposit);
      TradingEngine engine =
          TradingEngine.builder()
              .name("paper")
              .clock(clock)
              .executionClient(venue)
              .venueFeed(
                  new MarketDataListener() {
                    @Override
                    public void onMarketEvent(MarketEvent event) {
                      venue.onMarketEvent(event);
                    }
                  })
              .ledger(ledger)
              .instruments(instrument)
              .riskGate(RiskGate.of(Asset.USDT))
              .strategy(STRATEGY, strategy)
              .build();
      return new Paper(engine, venue, ledger);
    }
  }

  /**
   * Buys about {@code targetNotional} USDT of the symbol at market on the first quote after a trade
   * (the engine's mark) and sells it (reduce-only, at market) {@code holdMillis} later, on the
   * first quote after that time. Counts quotes and trades and records fills.
   *
   * <p>Mutable; confined to the engine thread, except {@link #firstQuote} (thread-safe); the other
   * fields may be read by another thread after the engine has stopped.
   */
  static final class DemoStrategy implements Strategy {
    final CountDownLatch firstQuote = new CountDownLatch(1);
    final List<OrderFillEvent> fills = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    long quotes;
    long trades;

    private final Symbol symbol;
    private final double targetNotional;
    private final long holdMillis;
    private StrategyContext context;
    private boolean bought;
    private boolean closeDue;
    private boolean sold;

    DemoStrategy(Symbol symbol, double targetNotional, long holdMillis) {
      this.symbol = symbol;
      this.targetNotional = targetNotional;
      this.holdMillis = holdMillis;
    }

    @Override
    public void onStart(StrategyContext ctx) {
      this.context = ctx;
      ctx.subscribe(Subscription.of(symbol, MarketDataKind.QUOTES));
      ctx.subscribe(Subscription.of(symbol, MarketDataKind.TRADES));
    }

    @Override
    public void onQuote(Quote quote) {
      quotes++;
      firstQuote.countDown();
      if (!bought && trades > 0) {
        // The risk gate values orders at the engine's mark, which a trade sets and a quote does
        // not: wait for one trade.
        bought = true;
        Instrument i = context.instrument(symbol).orElseThrow();
        // Round up so the order clears the exchange's minimum notional at the ask.
        Quantity q = i.roundQuantity(targetNotional / quote.askPrice().toDouble(), GridRounding.UP);
        if (q.compareTo(i.minQuantity()) < 0) {
          q = i.minQuantity();
        }
        context.submit(SubmitOrder.market(context.nextClientOrderId(), symbol, Side.BUY, q));
        context.scheduleAt(context.clock().currentTimeMillis() + holdMillis, "close");
      } else if (closeDue && !sold) {
        Decimal held = context.portfolio().netQuantity(symbol);
        if (held.signum() > 0) {
          sold = true;
          Instrument i = context.instrument(symbol).orElseThrow();
          Quantity q = i.roundQuantity(held.toDouble(), GridRounding.DOWN);
          context.submit(
              SubmitOrder.market(context.nextClientOrderId(), symbol, Side.SELL, q)
                  .withReduceOnly());
        }
      }
    }

    @Override
    public void onTrade(Trade trade) {
      trades++;
    }

    @Override
    public void onTimer(TimerEvent timer) {
      closeDue = true;
    }

    @Override
    public void onOrderEvent(OrderEvent event) {
      if (event instanceof OrderFillEvent) {
        fills.add((OrderFillEvent) event);
      } else if (event instanceof OrderDenied) {
        notes.add("denied by the risk gate: " + event);
      } else if (event instanceof OrderRejected) {
        notes.add("rejected by the venue: " + event);
      }
    }
  }
}
