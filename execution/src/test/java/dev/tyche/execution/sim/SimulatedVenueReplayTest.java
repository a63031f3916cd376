package dev.tyche.execution.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tyche.core.book.OrderBook;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderFillEvent;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.core.time.SimulatedClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Replays the real Binance USDⓈ-M BTCUSDT capture ({@code
 * binance-futures-um-BTCUSDT-feed-2024-08-08.txt.gz}, data README "Raw feed": one REST snapshot,
 * 6,551 diff-depth messages, 21,313 trades) through a book-matching venue with resting orders at
 * and behind the touch and periodic market orders, and checks that every fill is plausible against
 * the data the venue saw.
 */
class SimulatedVenueReplayTest {
  private static final String FILE = "binance-futures-um-BTCUSDT-feed-2024-08-08.txt.gz";
  private static final Symbol BTC = Symbol.of("BTCUSDT");
  private static final Instrument INSTRUMENT =
      Instrument.builder(BTC)
          .assets(Asset.of("BTC"), Asset.USDT)
          .tickSize("0.10")
          .stepSize("0.001")
          .quantityBounds("0.001", "1000")
          .minNotional("50")
          .build();

  /** Snapshot first, then the diffs it does not contain and the trades after it, in file order. */
  private static List<MarketEvent> load() throws IOException {
    Path path = Path.of(System.getProperty("tyche.data.dir"), FILE);
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> messages = new ArrayList<>();
    JsonNode snapshot = null;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path));
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode node = json.readTree(line.substring(line.indexOf(' ') + 1));
        if (node.has("lastUpdateId")) {
          snapshot = node;
        } else {
          messages.add(node);
        }
      }
    }
    assertThat(snapshot).as("REST snapshot in " + path).isNotNull();
    long lastUpdateId = snapshot.get("lastUpdateId").asLong();
    long snapshotTime = snapshot.get("E").asLong();
    List<MarketEvent> events = new ArrayList<>();
    events.add(
        new BookSnapshot(
            BTC,
            lastUpdateId,
            snapshotTime,
            levels(snapshot.get("bids")),
            levels(snapshot.get("asks"))));
    for (JsonNode m : messages) {
      String stream = m.get("stream").asText();
      JsonNode d = m.get("data");
      if (stream.endsWith("@depth@0ms") && d.get("u").asLong() >= lastUpdateId) {
        events.add(
            new BookDelta(
                BTC,
                d.get("U").asLong(),
                d.get("u").asLong(),
                d.get("pu").asLong(),
                d.get("E").asLong(),
                levels(d.get("b")),
                levels(d.get("a"))));
      } else if (stream.endsWith("@trade") && d.get("E").asLong() >= snapshotTime) {
        events.add(
            new Trade(
                BTC,
                TradeId.of(d.get("t").asText()),
                Price.parse(d.get("p").asText()),
                Quantity.parse(d.get("q").asText()),
                Trade.aggressorFromBuyerIsMaker(d.get("m").asBoolean()),
                d.get("T").asLong(),
                d.get("E").asLong()));
      }
    }
    return events;
  }

  private static List<BookLevel> levels(JsonNode array) {
    List<BookLevel> out = new ArrayList<>();
    for (JsonNode pair : array) {
      out.add(BookLevel.parse(pair.get(0).asText(), pair.get(1).asText()));
    }
    return out;
  }

  /** The book as it stood just before a taker order, for the taker checks. */
  private record TakerContext(Side side, long best, Map<Long, Long> levels) {}

  @Test
  void fillsAgainstTheRealCaptureArePlausible() throws IOException {
    List<MarketEvent> events = load();
    SimulatedClock clock = SimulatedClock.startingAt(events.get(0).eventTime());
    SimulatedVenue venue =
        new SimulatedVenue(
            SimulatedVenueConfig.of(FillModel.book()).withSeed(11), clock, List.of(INSTRUMENT));
    List<OrderEvent> out = new ArrayList<>();
    List<MarketEvent> seenAt = new ArrayList<>(); // the market event being processed per output
    MarketEvent[] current = new MarketEvent[1];
    venue.start(
        e -> {
          out.add(e);
          seenAt.add(current[0]);
        });
    venue.deposit(Money.parse(Asset.USDT, "100000"));
    OrderBook replica = new OrderBook(INSTRUMENT);
    Map<ClientOrderId, SubmitOrder> orders = new HashMap<>();
    Map<ClientOrderId, TakerContext> takers = new HashMap<>();
    Map<ClientOrderId, Long> sentAt = new HashMap<>();
    long[] prices = new long[50];
    long[] quantities = new long[50];
    int n = 0;
    long deltas = 0;
    long trades = 0;
    for (MarketEvent event : events) {
      clock.advanceTo(Math.max(clock.currentTimeMillis(), event.eventTime()));
      current[0] = event;
      if (event instanceof BookSnapshot) {
        replica.applySnapshot((BookSnapshot) event);
      } else if (event instanceof BookDelta) {
        replica.apply((BookDelta) event);
        deltas++;
      } else {
        trades++;
      }
      venue.onMarketEvent(event);
      // Queue estimates stay within [0, visible quantity at the order's price].
      for (Map.Entry<ClientOrderId, SubmitOrder> o : orders.entrySet()) {
        venue
            .queueAhead(o.getKey())
            .ifPresent(
                q -> {
                  assertThat(q.signum()).isNotNegative();
                  long visible =
                      replica.quantityAtUnits(
                          o.getValue().side(),
                          o.getValue().limitPrice().orElseThrow().withScale(2).units());
                  assertThat(q.units()).isLessThanOrEqualTo(visible);
                });
      }
      current[0] = null;
      n++;
      if (n % 400 == 0 && replica.hasBid() && replica.hasAsk()) {
        long bid = replica.bestBidPriceUnits();
        long ask = replica.bestAskPriceUnits();
        place(venue, orders, sentAt, clock, "b" + n, Side.BUY, bid);
        place(venue, orders, sentAt, clock, "bb" + n, Side.BUY, bid - 10);
        place(venue, orders, sentAt, clock, "a" + n, Side.SELL, ask);
        place(venue, orders, sentAt, clock, "aa" + n, Side.SELL, ask + 10);
      }
      if (n % 1500 == 0) {
        for (Side side : Side.values()) {
          Side bookSide = side.opposite();
          int count = replica.copyLevels(bookSide, prices, quantities, prices.length);
          Map<Long, Long> levels = new HashMap<>();
          for (int i = 0; i < count; i++) {
            levels.put(prices[i], quantities[i]);
          }
          ClientOrderId id = ClientOrderId.of("m" + side + n);
          takers.put(id, new TakerContext(side, prices[0], levels));
          venue.submit(SubmitOrder.market(id, BTC, side, Quantity.parse("0.500")));
        }
      }
    }
    clock.advanceTo(clock.currentTimeMillis() + 1);
    venue.advance();

    int makerFills = 0;
    int takerFills = 0;
    Map<Trade, Long> makerQuantityPerTrade = new HashMap<>();
    for (int i = 0; i < out.size(); i++) {
      if (!(out.get(i) instanceof OrderFillEvent)) {
        continue;
      }
      OrderFillEvent f = (OrderFillEvent) out.get(i);
      long price = f.execution().lastPrice().withScale(2).units();
      long qty = f.execution().lastQuantity().units();
      if (f.execution().liquidity() == Liquidity.TAKER) {
        takerFills++;
        TakerContext ctx = takers.get(f.clientOrderId());
        assertThat(ctx).as("taker fill of a market order " + f).isNotNull();
        // Each execution is at a level that was in the book, never better than the touch.
        assertThat(ctx.levels()).containsKey(price);
        assertThat(qty).isLessThanOrEqualTo(ctx.levels().get(price));
        if (ctx.side() == Side.BUY) {
          assertThat(price).isGreaterThanOrEqualTo(ctx.best());
        } else {
          assertThat(price).isLessThanOrEqualTo(ctx.best());
        }
        continue;
      }
      makerFills++;
      SubmitOrder order = orders.get(f.clientOrderId());
      long limit = order.limitPrice().orElseThrow().withScale(2).units();
      // A resting order fills at its own limit, only from a trade at or through that price,
      // never at a price better than the trade that filled it.
      assertThat(price).isEqualTo(limit);
      assertThat(seenAt.get(i)).isInstanceOf(Trade.class);
      Trade trade = (Trade) seenAt.get(i);
      long tradePrice = trade.price().withScale(2).units();
      if (order.side() == Side.BUY) {
        assertThat(tradePrice).isLessThanOrEqualTo(limit);
        if (tradePrice == limit) {
          assertThat(trade.aggressor()).isEqualTo(Side.SELL);
        }
      } else {
        assertThat(tradePrice).isGreaterThanOrEqualTo(limit);
        if (tradePrice == limit) {
          assertThat(trade.aggressor()).isEqualTo(Side.BUY);
        }
      }
      assertThat(f.eventTime()).isEqualTo(trade.eventTime());
      assertThat(f.eventTime()).isGreaterThanOrEqualTo(sentAt.get(f.clientOrderId()));
      makerQuantityPerTrade.merge(trade, qty, Long::sum);
    }
    // Per side, one trade never fills more than its own quantity (both sides can fill only when
    // our bids and asks overlap, which these orders never do).
    makerQuantityPerTrade.forEach(
        (trade, q) -> assertThat(q).isLessThanOrEqualTo(trade.quantity().units()));
    assertThat(makerFills).as("maker fills").isGreaterThan(10);
    assertThat(takerFills).as("taker fills").isGreaterThan(10);

    // The venue's books balance: wallet + unrealised = deposits - fees + cash flows + Q * mark.
    Money fees = Money.zero(Asset.USDT, 8);
    Decimal cash = Decimal.ZERO;
    Decimal position = Decimal.ZERO;
    for (OrderEvent e : out) {
      if (e instanceof OrderFillEvent) {
        var x = ((OrderFillEvent) e).execution();
        fees = fees.plus(x.fee());
        Decimal notional = x.lastPrice().times(x.lastQuantity());
        Decimal q = Decimal.of(x.lastQuantity().units(), 3);
        cash = x.side() == Side.BUY ? cash.minus(notional) : cash.plus(notional);
        position = x.side() == Side.BUY ? position.plus(q) : position.minus(q);
      }
    }
    Price mark = venue.referencePrice(BTC).orElseThrow();
    Money expected =
        Money.parse(Asset.USDT, "100000").minus(fees).plus(cash).plus(position.times(mark));
    Money actual = venue.balance(Asset.USDT).plus(venue.unrealisedPnl(Asset.USDT));
    assertThat(actual.compareValue(expected)).isZero();
    System.out.println(
        "replay "
            + FILE
            + ": "
            + deltas
            + " diffs, "
            + trades
            + " trades, "
            + orders.size()
            + " resting orders, "
            + makerFills
            + " maker fills, "
            + takerFills
            + " taker fills");
  }

  private static void place(
      SimulatedVenue venue,
      Map<ClientOrderId, SubmitOrder> orders,
      Map<ClientOrderId, Long> sentAt,
      SimulatedClock clock,
      String id,
      Side side,
      long priceUnits) {
    SubmitOrder order =
        SubmitOrder.limit(
            ClientOrderId.of(id),
            BTC,
            side,
            Quantity.parse("0.010"),
            Price.of(priceUnits, 2),
            TimeInForce.GTC);
    orders.put(order.clientOrderId(), order);
    sentAt.put(order.clientOrderId(), clock.currentTimeMillis());
    venue.submit(order);
  }
}
