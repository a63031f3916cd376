package dev.tyche.binance.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tyche.binance.dto.BinanceJson;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.MarkPrice;
import dev.tyche.core.market.Quote;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.time.BarInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Pure decoding of Binance USDⓈ-M market-stream messages (reference section 6) into core events
 * (layer 2 of the adapter, ARCHITECTURE.md section 6). Accepts raw events and combined-stream
 * envelopes {@code {"stream":...,"data":...}}; unknown fields are ignored.
 *
 * <ul>
 *   <li>{@code trade} and {@code aggTrade} to {@link Trade}; the aggressor is the taker, so a
 *       buyer-maker trade ({@code m = true}) is a sell. Trade id = {@code t} resp. {@code a}.
 *   <li>{@code bookTicker} to {@link Quote} (update id {@code u}, event time {@code E}).
 *   <li>{@code kline} to {@link Bar}, only once the kline is closed ({@code x = true}); an open
 *       kline is {@link StreamMessage.Ignored} because a bar is a finished interval.
 *   <li>{@code markPriceUpdate} to {@link MarkPrice} with the index price {@code i}, funding rate
 *       {@code r} and next funding time {@code T} (absent when empty or zero, as for delivery
 *       contracts).
 *   <li>{@code depthUpdate} to {@link BookDelta} (allocating; the hot path uses {@link
 *       DepthDiffDecoder}).
 *   <li>{@code {"result":...,"id":n}} and {@code {"error":{...},"id":n}} to {@link
 *       StreamMessage.ControlReply}.
 * </ul>
 *
 * <p>Binance timestamps are UTC epoch milliseconds and are carried unchanged. Malformed messages
 * fail with a {@link BinanceException} of kind {@code MALFORMED_RESPONSE} naming the field; no
 * event is produced for them.
 *
 * <p>Immutable and thread-safe.
 */
public final class MarketStreamDecoder {

  private MarketStreamDecoder() {}

  /**
   * Decodes one message.
   *
   * @param text the message text
   * @return the decoded message
   * @throws BinanceException of kind {@code MALFORMED_RESPONSE} naming the field
   */
  public static StreamMessage decode(String text) {
    Objects.requireNonNull(text, "text must not be null");
    return decode(BinanceJson.tree(text));
  }

  /**
   * Decodes an already parsed message.
   *
   * @param root the message tree
   * @return the decoded message
   * @throws BinanceException of kind {@code MALFORMED_RESPONSE} naming the field
   */
  public static StreamMessage decode(JsonNode root) {
    JsonFields f = new JsonFields("stream message");
    if (!root.isObject()) {
      throw f.fail("message", "must be a JSON object but was " + root.getNodeType());
    }
    String stream = "";
    JsonNode data = root;
    if (root.has("data") || root.has("stream")) {
      stream = f.text(root, "stream");
      data = f.object(root, "data");
    }
    // A message without an event type that carries 'id', 'result' or 'error' is a control reply;
    // reading it as one makes a missing 'id' fail as such instead of as a missing 'e'.
    if (!data.has("e") && (data.has("id") || data.has("result") || data.has("error"))) {
      return controlReply(data, f);
    }
    String type = f.text(data, "e");
    switch (type) {
      case "trade":
        return new StreamMessage.Market(
            stream, trade(data), new JsonFields("trade").whole(data, "t"));
      case "aggTrade":
        return new StreamMessage.Market(
            stream, aggTrade(data), new JsonFields("aggTrade").whole(data, "a"));
      case "bookTicker":
        Quote q = bookTicker(data);
        return new StreamMessage.Market(stream, q, q.updateId());
      case "markPriceUpdate":
        MarkPrice m = markPrice(data);
        return new StreamMessage.Market(stream, m, m.eventTime());
      case "depthUpdate":
        BookDelta d = depthUpdate(data);
        return new StreamMessage.Market(stream, d, d.finalUpdateId());
      case "kline":
        Optional<Bar> bar = kline(data);
        if (bar.isEmpty()) {
          return new StreamMessage.Ignored(stream, type, "kline not closed yet");
        }
        return new StreamMessage.Market(stream, bar.get(), bar.get().openTime());
      default:
        return new StreamMessage.Ignored(stream, type, "event type not mapped");
    }
  }

  private static StreamMessage controlReply(JsonNode data, JsonFields f) {
    long id = f.whole(data, "id");
    JsonNode err = data.get("error");
    if (err != null && !err.isNull()) {
      JsonFields ef = new JsonFields("control reply error");
      if (!err.isObject()) {
        throw f.fail("error", "must be an object but was " + err.getNodeType());
      }
      return new StreamMessage.ControlReply(
          id, (int) ef.whole(err, "code"), Optional.of(ef.textOr(err, "msg", "")));
    }
    if (!data.has("result")) {
      throw f.fail("result", "is missing (a control reply has 'result' or 'error')");
    }
    return new StreamMessage.ControlReply(id, 0, Optional.empty());
  }

  /**
   * A {@code trade} event ({@code <symbol>@trade}).
   *
   * @param d the event object
   * @return the trade (trade time {@code T}, event time {@code E})
   */
  public static Trade trade(JsonNode d) {
    JsonFields f = new JsonFields("trade");
    long id = f.nonNegative(d, "t");
    Trade t =
        build(
            f,
            "q",
            () ->
                new Trade(
                    f.symbol(d, "s"),
                    TradeId.of(Long.toString(id)),
                    f.price(d, "p"),
                    f.quantity(d, "q"),
                    Trade.aggressorFromBuyerIsMaker(f.bool(d, "m")),
                    f.nonNegative(d, "T"),
                    f.nonNegative(d, "E")));
    return t;
  }

  /**
   * An {@code aggTrade} event ({@code <symbol>@aggTrade}).
   *
   * @param d the event object
   * @return the trade, identified by the aggregate id {@code a}
   */
  public static Trade aggTrade(JsonNode d) {
    JsonFields f = new JsonFields("aggTrade");
    long id = f.nonNegative(d, "a");
    return build(
        f,
        "q",
        () ->
            new Trade(
                f.symbol(d, "s"),
                TradeId.of(Long.toString(id)),
                f.price(d, "p"),
                f.quantity(d, "q"),
                Trade.aggressorFromBuyerIsMaker(f.bool(d, "m")),
                f.nonNegative(d, "T"),
                f.nonNegative(d, "E")));
  }

  /**
   * A {@code bookTicker} event.
   *
   * @param d the event object
   * @return the quote
   */
  public static Quote bookTicker(JsonNode d) {
    JsonFields f = new JsonFields("bookTicker");
    return build(
        f,
        "b/a",
        () ->
            new Quote(
                f.symbol(d, "s"),
                f.price(d, "b"),
                f.quantity(d, "B"),
                f.price(d, "a"),
                f.quantity(d, "A"),
                f.nonNegative(d, "u"),
                f.nonNegative(d, "E")));
  }

  /**
   * A {@code markPriceUpdate} event ({@code <symbol>@markPrice[@1s]}).
   *
   * @param d the event object
   * @return the mark price with index price, funding rate and next funding time when present
   */
  public static MarkPrice markPrice(JsonNode d) {
    JsonFields f = new JsonFields("markPriceUpdate");
    Symbol symbol = f.symbol(d, "s");
    long e = f.nonNegative(d, "E");
    Price mark = f.price(d, "p");
    Optional<Price> index = Optional.empty();
    String i = f.textOr(d, "i", "");
    if (!i.isEmpty() && f.decimal(d, "i").signum() != 0) {
      index = Optional.of(f.price(d, "i"));
    }
    Optional<Decimal> rate =
        f.textOr(d, "r", "").isEmpty() ? Optional.empty() : Optional.of(f.decimal(d, "r"));
    long next = f.nonNegativeOr(d, "T", 0);
    return new MarkPrice(
        symbol, e, mark, index, rate, next == 0 ? OptionalLong.empty() : OptionalLong.of(next));
  }

  /**
   * A {@code kline} event.
   *
   * @param d the event object
   * @return the bar if the kline is closed ({@code k.x}), else empty
   */
  public static Optional<Bar> kline(JsonNode d) {
    JsonFields f = new JsonFields("kline");
    Symbol symbol = f.symbol(d, "s");
    JsonNode k = f.object(d, "k");
    String code = f.text(k, "i");
    BarInterval interval;
    try {
      interval = BarInterval.parse(code);
    } catch (RuntimeException e) {
      throw f.fail("k.i", "must be a Binance interval code but was '" + code + "'");
    }
    long open = f.nonNegative(k, "t");
    long close = f.nonNegative(k, "T");
    if (close < open) {
      throw f.fail("k.T", "must be >= k.t " + open + " but was " + close);
    }
    long length = close - open + 1;
    if (interval.isFixedLength() && length != interval.durationMillis()) {
      throw f.fail(
          "k.T",
          "must be k.t + " + interval.durationMillis() + " - 1 for " + code + " but was " + close);
    }
    boolean closed = f.bool(k, "x");
    Bar bar =
        build(
            f,
            "k.o/h/l/c",
            () ->
                new Bar(
                    symbol,
                    length,
                    open,
                    f.price(k, "o"),
                    f.price(k, "h"),
                    f.price(k, "l"),
                    f.price(k, "c"),
                    f.quantity(k, "v")));
    return closed ? Optional.of(bar) : Optional.empty();
  }

  /**
   * A {@code depthUpdate} event as an immutable delta (allocates per level).
   *
   * @param d the event object
   * @return the delta
   */
  public static BookDelta depthUpdate(JsonNode d) {
    JsonFields f = new JsonFields("depthUpdate");
    Symbol symbol = f.symbol(d, "s");
    long first = f.whole(d, "U");
    long last = f.whole(d, "u");
    long prev = f.whole(d, "pu");
    long e = f.nonNegative(d, "E");
    List<BookLevel> bids = levels(f, d, "b");
    List<BookLevel> asks = levels(f, d, "a");
    return build(f, "U/u/pu", () -> new BookDelta(symbol, first, last, prev, e, bids, asks));
  }

  private static List<BookLevel> levels(JsonFields f, JsonNode d, String field) {
    JsonNode arr = f.array(d, field);
    List<BookLevel> out = new ArrayList<>(arr.size());
    for (int i = 0; i < arr.size(); i++) {
      JsonNode row = arr.get(i);
      String name = field + "[" + i + "]";
      if (!row.isArray() || row.size() < 2) {
        throw f.fail(name, "must be an array [price, quantity]");
      }
      JsonNode pair = row;
      String p = textAt(f, pair, 0, name + ".price");
      String q = textAt(f, pair, 1, name + ".quantity");
      try {
        out.add(BookLevel.parse(p, q));
      } catch (RuntimeException e) {
        throw f.fail(name, "must be a positive price and non-negative quantity: " + e.getMessage());
      }
    }
    return out;
  }

  private static String textAt(JsonFields f, JsonNode row, int i, String name) {
    JsonNode n = row.get(i);
    if (n == null || !n.isTextual()) {
      throw f.fail(name, "must be decimal text");
    }
    return n.textValue();
  }

  /** Runs a constructor, turning a core validation failure into a field-naming decode error. */
  private static <T> T build(JsonFields f, String fields, java.util.function.Supplier<T> ctor) {
    try {
      return ctor.get();
    } catch (BinanceException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw f.fail(fields, "is inconsistent: " + e.getMessage());
    }
  }
}
