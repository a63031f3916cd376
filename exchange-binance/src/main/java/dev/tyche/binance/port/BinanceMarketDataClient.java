package dev.tyche.binance.port;

import dev.tyche.binance.config.BinanceConfig;
import dev.tyche.binance.rest.BinanceRestClient;
import dev.tyche.binance.ws.BookKeeper;
import dev.tyche.binance.ws.MarketStreamClient;
import dev.tyche.binance.ws.StreamNames;
import dev.tyche.binance.ws.TradeBackfill;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.market.MarkPrice;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.market.Quote;
import dev.tyche.core.market.Trade;
import dev.tyche.core.port.DataStatus;
import dev.tyche.core.port.MarketDataClient;
import dev.tyche.core.port.MarketDataKind;
import dev.tyche.core.port.MarketDataListener;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.time.BarInterval;
import dev.tyche.core.time.Clock;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binance USDⓈ-M market data behind core's {@link MarketDataClient} port (layer 3 of the adapter).
 * Two {@link MarketStreamClient}s carry the streams, one per WebSocket route (reference section 6):
 * {@code /public} for the order book ({@code <s>@depth@100ms} by default, kept by a {@link
 * BookKeeper}) and best bid/ask ({@code <s>@bookTicker}); {@code /market} for trades ({@code
 * <s>@aggTrade}, holes backfilled), closed klines ({@code <s>@kline_<i>}) and mark price with
 * funding ({@code <s>@markPrice@1s}).
 *
 * <p>Mapping of {@link MarketDataKind}: {@code BOOK} to {@link BookSnapshot} then {@link
 * BookDelta}s, with {@link DataStatus} {@code SYNCING}, {@code LIVE} and {@code STALE} reported
 * through {@link MarketDataListener#onStatus} whenever the book is (re)built, loses its sequence or
 * its connection; {@code QUOTES} to {@link Quote}; {@code TRADES} to {@link Trade} in id order
 * without duplicates; {@code BARS} to closed {@link Bar}s of the subscribed interval; {@code
 * MARK_PRICE} to {@link MarkPrice} (and {@link FundingRate} where the decoder produces one).
 *
 * <p>The socket threads only decode and hand the immutable events to the listener; events of a
 * stream nobody is subscribed to any more are not passed on. Subscriptions made before {@link
 * #start} are sent when it connects.
 *
 * <p>Thread-safe.
 */
public final class BinanceMarketDataClient implements MarketDataClient {

  /**
   * Tuning.
   *
   * <p>Immutable and thread-safe.
   *
   * @param streams the stream clients' tuning
   * @param depthSpeed the diff-depth stream's update speed
   * @param publishDeltas whether applied depth diffs are published as {@link BookDelta}s
   */
  public record Options(
      MarketStreamClient.Options streams,
      StreamNames.DepthSpeed depthSpeed,
      boolean publishDeltas) {
    // All parts are required.
    public Options {
      Objects.requireNonNull(streams, "streams must not be null");
      Objects.requireNonNull(depthSpeed, "depthSpeed must not be null");
    }

    /**
     * Defaults: the stream defaults, 100 ms depth, deltas published.
     *
     * @return the defaults
     */
    public static Options defaults() {
      return new Options(
          MarketStreamClient.Options.defaults(), StreamNames.DepthSpeed.MS_100, true);
    }
  }

  private final URI publicUrl;
  private final URI marketUrl;
  private final Map<Symbol, Instrument> instruments;
  private final BookKeeper.SnapshotSource snapshots;
  private final TradeBackfill backfill;
  private final Clock clock;
  private final long seed;
  private final Options options;
  private final Object lock = new Object();

  // Written under lock; read without it by the socket threads (Filter), which hold a stream
  // client's lock while delivering: taking this client's lock there would invert the lock order.
  private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
  private volatile MarketDataListener listener;
  private volatile boolean closed;
  // guarded by lock
  private final Map<Symbol, BookKeeper> books = new HashMap<>();
  private MarketStreamClient publicClient;
  private MarketStreamClient marketClient;

  /**
   * A client (not started).
   *
   * @param publicUrl the {@code /public} route
   * @param marketUrl the {@code /market} route
   * @param instruments the instruments that may be subscribed
   * @param snapshots where order-book snapshots come from
   * @param backfill where missed trades come from
   * @param clock the clock for pacing and connection age
   * @param seed the seed of the reconnect jitter
   * @param options tuning
   */
  public BinanceMarketDataClient(
      URI publicUrl,
      URI marketUrl,
      List<Instrument> instruments,
      BookKeeper.SnapshotSource snapshots,
      TradeBackfill backfill,
      Clock clock,
      long seed,
      Options options) {
    this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl must not be null");
    this.marketUrl = Objects.requireNonNull(marketUrl, "marketUrl must not be null");
    Objects.requireNonNull(instruments, "instruments must not be null");
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("instruments must not be empty");
    }
    Map<Symbol, Instrument> m = new HashMap<>();
    for (Instrument i : instruments) {
      m.put(Objects.requireNonNull(i, "instrument must not be null").symbol(), i);
    }
    this.instruments = Map.copyOf(m);
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots must not be null");
    this.backfill = Objects.requireNonNull(backfill, "backfill must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.seed = seed;
    this.options = Objects.requireNonNull(options, "options must not be null");
  }

  /**
   * The production wiring: the configuration's {@code /public} and {@code /market} routes, book
   * snapshots from {@code GET /fapi/v1/depth?limit=1000} and trade backfill from {@code GET
   * /fapi/v1/aggTrades}.
   *
   * @param config the configuration
   * @param rest the REST client
   * @param instruments the instruments that may be subscribed
   * @param clock the clock
   * @param seed the seed of the reconnect jitter
   * @return the client, not started
   */
  public static BinanceMarketDataClient create(
      BinanceConfig config,
      BinanceRestClient rest,
      List<Instrument> instruments,
      Clock clock,
      long seed) {
    Objects.requireNonNull(config, "config must not be null");
    return new BinanceMarketDataClient(
        config.wsPublicUrl(),
        config.wsMarketUrl(),
        instruments,
        BookKeeper.SnapshotSource.rest(rest),
        TradeBackfill.aggTrades(rest),
        clock,
        seed,
        Options.defaults());
  }

  @Override
  public void start(MarketDataListener listener) {
    Objects.requireNonNull(listener, "listener must not be null");
    MarketStreamClient pub;
    MarketStreamClient mkt;
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("client is closed");
      }
      if (this.listener != null) {
        throw new IllegalStateException("client already started");
      }
      this.listener = listener;
      Filter filter = new Filter();
      pub = new MarketStreamClient(publicUrl, filter, clock, seed, options.streams(), null);
      mkt = new MarketStreamClient(marketUrl, filter, clock, seed + 1, options.streams(), null);
      mkt.setTradeBackfill(backfill);
      publicClient = pub;
      marketClient = mkt;
      for (Subscription s : subscriptions) {
        open(s);
      }
    }
    pub.start();
    mkt.start();
  }

  @Override
  public void subscribe(Subscription subscription) {
    Objects.requireNonNull(subscription, "subscription must not be null");
    instrument(subscription.symbol());
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("client is closed");
      }
      if (subscriptions.add(subscription) && listener != null) {
        open(subscription);
      }
    }
  }

  @Override
  public void unsubscribe(Subscription subscription) {
    Objects.requireNonNull(subscription, "subscription must not be null");
    synchronized (lock) {
      if (subscriptions.remove(subscription) && listener != null && !closed) {
        String stream = streamOf(subscription);
        (subscription.kind() == MarketDataKind.BOOK || subscription.kind() == MarketDataKind.QUOTES
                ? publicClient
                : marketClient)
            .unsubscribe(stream);
      }
    }
  }

  /**
   * The current subscriptions.
   *
   * @return a copy
   */
  public Set<Subscription> subscriptions() {
    return Set.copyOf(subscriptions);
  }

  /**
   * The book keeper of a symbol, once its book was subscribed and the client started.
   *
   * @param symbol the symbol
   * @return the keeper (for statistics)
   */
  public Optional<BookKeeper> book(Symbol symbol) {
    synchronized (lock) {
      return Optional.ofNullable(books.get(symbol));
    }
  }

  @Override
  public void close() {
    MarketStreamClient pub;
    MarketStreamClient mkt;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      pub = publicClient;
      mkt = marketClient;
    }
    if (pub != null) {
      pub.close();
    }
    if (mkt != null) {
      mkt.close();
    }
  }

  @Override
  public String toString() {
    return "BinanceMarketDataClient[" + subscriptions() + "]";
  }

  /** Called with the lock held, after start. */
  private void open(Subscription s) {
    Symbol symbol = s.symbol();
    switch (s.kind()) {
      case BOOK:
        {
          BookKeeper keeper = books.get(symbol);
          if (keeper == null) {
            keeper =
                new BookKeeper(
                    instrument(symbol),
                    snapshots,
                    new Filter(),
                    publicClient.scheduler(),
                    options.publishDeltas(),
                    seed ^ symbol.hashCode());
            books.put(symbol, keeper);
            publicClient.attach(keeper, options.depthSpeed());
          } else {
            // Re-subscribed: the keeper sees the pu chain break and rebuilds from a snapshot.
            publicClient.subscribe(streamOf(s));
          }
          return;
        }
      case QUOTES:
        publicClient.subscribe(streamOf(s));
        return;
      default:
        marketClient.subscribe(streamOf(s));
    }
  }

  private String streamOf(Subscription s) {
    switch (s.kind()) {
      case BOOK:
        return StreamNames.depth(s.symbol(), options.depthSpeed());
      case QUOTES:
        return StreamNames.bookTicker(s.symbol());
      case TRADES:
        return StreamNames.aggTrade(s.symbol());
      case BARS:
        return StreamNames.kline(s.symbol(), s.interval().orElseThrow());
      case MARK_PRICE:
        return StreamNames.markPrice(s.symbol());
      default:
        throw new IllegalArgumentException("unsupported kind " + s.kind());
    }
  }

  private Instrument instrument(Symbol symbol) {
    Instrument i = instruments.get(symbol);
    if (i == null) {
      throw new IllegalArgumentException(
          "symbol " + symbol + " is not one of this client's instruments " + instruments.keySet());
    }
    return i;
  }

  /**
   * The subscription kind an event belongs to.
   *
   * @param e the event
   * @return the kind
   */
  static MarketDataKind kindOf(MarketEvent e) {
    if (e instanceof Trade) {
      return MarketDataKind.TRADES;
    }
    if (e instanceof Quote) {
      return MarketDataKind.QUOTES;
    }
    if (e instanceof BookSnapshot || e instanceof BookDelta) {
      return MarketDataKind.BOOK;
    }
    if (e instanceof Bar) {
      return MarketDataKind.BARS;
    }
    return MarketDataKind.MARK_PRICE;
  }

  private boolean wanted(MarketEvent e) {
    MarketDataKind kind = kindOf(e);
    if (closed) {
      return false;
    }
    if (kind != MarketDataKind.BARS) {
      return subscriptions.contains(Subscription.of(e.symbol(), kind));
    }
    long millis = ((Bar) e).intervalMillis();
    for (Subscription s : subscriptions) {
      if (s.kind() == MarketDataKind.BARS && s.symbol().equals(e.symbol())) {
        BarInterval i = s.interval().orElseThrow();
        if (!i.isFixedLength() || i.durationMillis() == millis) {
          return true;
        }
      }
    }
    return false;
  }

  private MarketDataListener target() {
    return listener;
  }

  /** Passes on only what is subscribed; runs on the socket and scheduler threads. */
  private final class Filter implements MarketDataListener {
    @Override
    public void onMarketEvent(MarketEvent event) {
      if (wanted(event)) {
        target().onMarketEvent(event);
      }
    }

    @Override
    public void onStatus(Symbol symbol, DataStatus status, String reason) {
      MarketDataListener l = target();
      if (l != null) {
        l.onStatus(symbol, status, reason);
      }
    }
  }
}
