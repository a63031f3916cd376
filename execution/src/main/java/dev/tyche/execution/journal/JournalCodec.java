package dev.tyche.execution.journal;

import dev.tyche.core.account.FundingPayment;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.CancelOrder;
import dev.tyche.core.order.Execution;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderDenied;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderExpired;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderPartiallyFilled;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.OrderSubmitted;
import dev.tyche.core.order.OrderType;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.core.strategy.StrategyId;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The journal's line format, version 1. A journal file starts with the header line {@value #HEADER}
 * and holds one record per line: a tag, the engine time in UTC epoch milliseconds, then the
 * record's fields, separated by single spaces. Numbers are written as exact decimal text with their
 * scale ({@code 100.10} stays {@code 100.10}), absent optional values as {@code -}, and free text
 * (reasons, rule names) as {@code =} followed by its URL encoding in UTF-8, so that it contains no
 * space or line break and is never empty.
 *
 * <pre>
 * DEPOSIT   time asset amount
 * SUBMIT    time strategy ORDER
 * CANCEL    time strategy clientOrderId symbol
 * UNKNOWN   time clientOrderId symbol
 * FUNDING   time symbol fundingTime rate markPrice
 * SUBMITTED time clientOrderId symbol eventTime ORDER
 * ACCEPTED  time clientOrderId symbol eventTime venueOrderId
 * REJECTED  time clientOrderId symbol eventTime venueCode reason
 * DENIED    time clientOrderId symbol eventTime rule reason
 * PARTIAL   time clientOrderId symbol eventTime EXECUTION
 * FILLED    time clientOrderId symbol eventTime EXECUTION
 * CANCELLED time clientOrderId symbol eventTime filledQuantity
 * EXPIRED   time clientOrderId symbol eventTime filledQuantity reason
 *
 * ORDER     = clientOrderId symbol side type quantity limitPrice|- triggerPrice|- timeInForce reduceOnly
 * EXECUTION = venueOrderId tradeId side lastPrice lastQuantity cumulativeQuantity leavesQuantity
 *             feeAsset fee liquidity
 * </pre>
 *
 * <p>Decoding an encoded record gives an equal record ({@code decode(encode(r)).equals(r)}).
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class JournalCodec {

  /** The first line of every journal; a reader refuses any other. */
  public static final String HEADER = "#tyche-journal v1";

  private static final String ABSENT = "-";

  private JournalCodec() {}

  /**
   * Encodes one record as one line (without the line break).
   *
   * @param record the record
   * @return the line
   */
  public static String encode(JournalRecord record) {
    Objects.requireNonNull(record, "record must not be null");
    StringBuilder b = new StringBuilder(128);
    if (record instanceof JournalRecord.Deposit) {
      JournalRecord.Deposit d = (JournalRecord.Deposit) record;
      head(b, "DEPOSIT", d.time()).add(b, d.amount().asset().code()).add(b, plain(d.amount()));
    } else if (record instanceof JournalRecord.Submit) {
      JournalRecord.Submit s = (JournalRecord.Submit) record;
      head(b, "SUBMIT", s.time()).add(b, s.strategyId().value());
      order(b, s.order());
    } else if (record instanceof JournalRecord.Cancel) {
      JournalRecord.Cancel c = (JournalRecord.Cancel) record;
      head(b, "CANCEL", c.time())
          .add(b, c.strategyId().value())
          .add(b, c.cancel().clientOrderId().value())
          .add(b, c.cancel().symbol().value());
    } else if (record instanceof JournalRecord.Unknown) {
      JournalRecord.Unknown u = (JournalRecord.Unknown) record;
      head(b, "UNKNOWN", u.time()).add(b, u.clientOrderId().value()).add(b, u.symbol().value());
    } else if (record instanceof JournalRecord.Funding) {
      JournalRecord.Funding f = (JournalRecord.Funding) record;
      FundingPayment p = f.payment();
      head(b, "FUNDING", f.time())
          .add(b, p.symbol().value())
          .add(b, Long.toString(p.fundingTime()))
          .add(b, p.rate().toPlainString())
          .add(b, p.markPrice().toPlainString());
    } else {
      JournalRecord.Event e = (JournalRecord.Event) record;
      event(b, e.time(), e.event());
    }
    return b.toString();
  }

  /**
   * Decodes one line.
   *
   * @param line a line written by {@link #encode}
   * @return the record
   * @throws IllegalArgumentException if the line is malformed, naming the line
   */
  public static JournalRecord decode(String line) {
    Objects.requireNonNull(line, "line must not be null");
    String[] f = line.split(" ", -1);
    try {
      Fields in = new Fields(f);
      String tag = in.next();
      long time = Long.parseLong(in.next());
      JournalRecord r = decode(tag, time, in);
      if (in.hasNext()) {
        throw new IllegalArgumentException("unexpected extra fields");
      }
      return r;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "malformed journal line '" + line + "': " + e.getMessage(), e);
    }
  }

  private static JournalRecord decode(String tag, long time, Fields in) {
    switch (tag) {
      case "DEPOSIT":
        {
          Asset asset = Asset.of(in.next());
          return new JournalRecord.Deposit(time, money(asset, in.next()));
        }
      case "SUBMIT":
        return new JournalRecord.Submit(time, StrategyId.of(in.next()), order(in));
      case "CANCEL":
        {
          StrategyId s = StrategyId.of(in.next());
          return new JournalRecord.Cancel(
              time, s, new CancelOrder(ClientOrderId.of(in.next()), Symbol.of(in.next())));
        }
      case "UNKNOWN":
        return new JournalRecord.Unknown(time, ClientOrderId.of(in.next()), Symbol.of(in.next()));
      case "FUNDING":
        return new JournalRecord.Funding(
            time,
            new FundingPayment(
                Symbol.of(in.next()),
                Long.parseLong(in.next()),
                Decimal.parse(in.next()),
                Price.parse(in.next())));
      default:
        return new JournalRecord.Event(time, event(tag, in));
    }
  }

  private static OrderEvent event(String tag, Fields in) {
    ClientOrderId id = ClientOrderId.of(in.next());
    Symbol symbol = Symbol.of(in.next());
    long t = Long.parseLong(in.next());
    switch (tag) {
      case "SUBMITTED":
        return new OrderSubmitted(id, symbol, t, order(in));
      case "ACCEPTED":
        return new OrderAccepted(id, symbol, t, VenueOrderId.of(in.next()));
      case "REJECTED":
        {
          int code = Integer.parseInt(in.next());
          return new OrderRejected(id, symbol, t, text(in.next()), code);
        }
      case "DENIED":
        return new OrderDenied(id, symbol, t, text(in.next()), text(in.next()));
      case "PARTIAL":
        return new OrderPartiallyFilled(id, symbol, t, execution(in));
      case "FILLED":
        return new OrderFilled(id, symbol, t, execution(in));
      case "CANCELLED":
        return new OrderCancelled(id, symbol, t, Quantity.parse(in.next()));
      case "EXPIRED":
        return new OrderExpired(id, symbol, t, Quantity.parse(in.next()), text(in.next()));
      default:
        throw new IllegalArgumentException("unknown record tag '" + tag + "'");
    }
  }

  private static void event(StringBuilder b, long time, OrderEvent event) {
    String tag;
    if (event instanceof OrderSubmitted) {
      tag = "SUBMITTED";
    } else if (event instanceof OrderAccepted) {
      tag = "ACCEPTED";
    } else if (event instanceof OrderRejected) {
      tag = "REJECTED";
    } else if (event instanceof OrderDenied) {
      tag = "DENIED";
    } else if (event instanceof OrderPartiallyFilled) {
      tag = "PARTIAL";
    } else if (event instanceof OrderFilled) {
      tag = "FILLED";
    } else if (event instanceof OrderCancelled) {
      tag = "CANCELLED";
    } else {
      tag = "EXPIRED";
    }
    head(b, tag, time)
        .add(b, event.clientOrderId().value())
        .add(b, event.symbol().value())
        .add(b, Long.toString(event.eventTime()));
    if (event instanceof OrderSubmitted) {
      order(b, ((OrderSubmitted) event).order());
    } else if (event instanceof OrderAccepted) {
      SEP.add(b, ((OrderAccepted) event).venueOrderId().value());
    } else if (event instanceof OrderRejected) {
      OrderRejected r = (OrderRejected) event;
      SEP.add(b, Integer.toString(r.venueCode())).add(b, escape(r.reason()));
    } else if (event instanceof OrderDenied) {
      OrderDenied d = (OrderDenied) event;
      SEP.add(b, escape(d.rule())).add(b, escape(d.reason()));
    } else if (event instanceof OrderPartiallyFilled) {
      execution(b, ((OrderPartiallyFilled) event).execution());
    } else if (event instanceof OrderFilled) {
      execution(b, ((OrderFilled) event).execution());
    } else if (event instanceof OrderCancelled) {
      SEP.add(b, ((OrderCancelled) event).filledQuantity().toPlainString());
    } else {
      OrderExpired x = (OrderExpired) event;
      SEP.add(b, x.filledQuantity().toPlainString()).add(b, escape(x.reason()));
    }
  }

  private static void order(StringBuilder b, SubmitOrder o) {
    SEP.add(b, o.clientOrderId().value())
        .add(b, o.symbol().value())
        .add(b, o.side().name())
        .add(b, o.type().name())
        .add(b, o.quantity().toPlainString())
        .add(b, o.limitPrice().map(Price::toPlainString).orElse(ABSENT))
        .add(b, o.triggerPrice().map(Price::toPlainString).orElse(ABSENT))
        .add(b, o.timeInForce().name())
        .add(b, Boolean.toString(o.reduceOnly()));
  }

  private static SubmitOrder order(Fields in) {
    ClientOrderId id = ClientOrderId.of(in.next());
    Symbol symbol = Symbol.of(in.next());
    Side side = Side.valueOf(in.next());
    OrderType type = OrderType.valueOf(in.next());
    Quantity quantity = Quantity.parse(in.next());
    Optional<Price> limit = optionalPrice(in.next());
    Optional<Price> trigger = optionalPrice(in.next());
    TimeInForce tif = TimeInForce.valueOf(in.next());
    boolean reduceOnly = bool(in.next());
    return new SubmitOrder(id, symbol, side, type, quantity, limit, trigger, tif, reduceOnly);
  }

  private static void execution(StringBuilder b, Execution e) {
    SEP.add(b, e.venueOrderId().value())
        .add(b, e.tradeId().value())
        .add(b, e.side().name())
        .add(b, e.lastPrice().toPlainString())
        .add(b, e.lastQuantity().toPlainString())
        .add(b, e.cumulativeQuantity().toPlainString())
        .add(b, e.leavesQuantity().toPlainString())
        .add(b, e.fee().asset().code())
        .add(b, plain(e.fee()))
        .add(b, e.liquidity().name());
  }

  private static Execution execution(Fields in) {
    VenueOrderId venueId = VenueOrderId.of(in.next());
    TradeId tradeId = TradeId.of(in.next());
    Side side = Side.valueOf(in.next());
    Price price = Price.parse(in.next());
    Quantity last = Quantity.parse(in.next());
    Quantity cumulative = Quantity.parse(in.next());
    Quantity leaves = Quantity.parse(in.next());
    Asset feeAsset = Asset.of(in.next());
    Money fee = money(feeAsset, in.next());
    Liquidity liquidity = Liquidity.valueOf(in.next());
    return new Execution(venueId, tradeId, side, price, last, cumulative, leaves, fee, liquidity);
  }

  private static String plain(Money m) {
    return m.toPlainString();
  }

  private static Money money(Asset asset, String text) {
    return Money.of(asset, Decimal.parse(text));
  }

  private static Optional<Price> optionalPrice(String text) {
    return ABSENT.equals(text) ? Optional.empty() : Optional.of(Price.parse(text));
  }

  private static boolean bool(String text) {
    if ("true".equals(text)) {
      return true;
    }
    if ("false".equals(text)) {
      return false;
    }
    throw new IllegalArgumentException("expected true or false but was '" + text + "'");
  }

  // The leading '=' keeps an empty text from becoming an empty field; URL encoding turns every
  // '=' inside the text into %3D, so the marker is unambiguous.
  private static String escape(String text) {
    return "=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String text(String encoded) {
    if (!encoded.startsWith("=")) {
      throw new IllegalArgumentException(
          "text field must start with '=' but was '" + encoded + "'");
    }
    return URLDecoder.decode(encoded.substring(1), StandardCharsets.UTF_8);
  }

  private static Sep head(StringBuilder b, String tag, long time) {
    b.append(tag).append(' ').append(time);
    return SEP;
  }

  private static final Sep SEP = new Sep();

  /** Appends space-separated fields. */
  private static final class Sep {
    Sep add(StringBuilder b, String field) {
      b.append(' ').append(field);
      return this;
    }
  }

  /** Reads fields in order, failing with the position when one is missing. */
  private static final class Fields {
    private final String[] fields;
    private int next;

    Fields(String[] fields) {
      this.fields = fields;
    }

    String next() {
      if (next >= fields.length) {
        throw new IllegalArgumentException("missing field " + (next + 1));
      }
      String f = fields[next++];
      if (f.isEmpty()) {
        throw new IllegalArgumentException("empty field " + next);
      }
      return f;
    }

    boolean hasNext() {
      return next < fields.length;
    }
  }
}
