package dev.tyche.binance.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tyche.binance.dto.BinanceJson;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.core.account.PositionSide;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.id.TradeId;
import dev.tyche.core.id.VenueOrderId;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Execution;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.OrderEvent;
import dev.tyche.core.order.OrderExpired;
import dev.tyche.core.order.OrderFilled;
import dev.tyche.core.order.OrderPartiallyFilled;
import dev.tyche.core.order.OrderRejected;
import dev.tyche.core.order.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pure decoding of Binance USDⓈ-M user-data-stream events (reference section 8) into {@link
 * UserDataEvent}s (layer 2 of the adapter).
 *
 * <p>{@code ORDER_TRADE_UPDATE} maps by execution type {@code x}: {@code NEW} to {@link
 * OrderAccepted}; {@code TRADE} and {@code CALCULATED} (liquidation/ADL fills) to {@link
 * OrderPartiallyFilled}, or {@link OrderFilled} when the status is {@code FILLED}, with an {@link
 * Execution} whose leaves quantity is {@code q - z} and whose fee is {@code n} in asset {@code N}
 * (positive = paid; zero USDT when Binance omits it); {@code CANCELED} to {@link OrderCancelled};
 * {@code EXPIRED} to {@link OrderExpired} (the reason names {@code er}); status {@code REJECTED} to
 * {@link OrderRejected}; {@code AMENDMENT} to no core event. Side and liquidity: {@code S}, {@code
 * m} (maker).
 *
 * <p>Malformed events fail with a {@link BinanceException} of kind {@code MALFORMED_RESPONSE}
 * naming the field; no event is produced for them.
 *
 * <p>Immutable and thread-safe.
 */
public final class UserDataDecoder {

  private UserDataDecoder() {}

  /**
   * Decodes one message (raw or in a combined-stream envelope).
   *
   * @param text the message
   * @return the event
   * @throws BinanceException of kind {@code MALFORMED_RESPONSE} naming the field
   */
  public static UserDataEvent decode(String text) {
    Objects.requireNonNull(text, "text must not be null");
    JsonNode root = BinanceJson.tree(text);
    JsonFields f = new JsonFields("user data");
    if (!root.isObject()) {
      throw f.fail("message", "must be a JSON object but was " + root.getNodeType());
    }
    JsonNode d = root.has("data") ? f.object(root, "data") : root;
    String type = f.text(d, "e");
    switch (type) {
      case "ORDER_TRADE_UPDATE":
        return orderUpdate(d);
      case "ACCOUNT_UPDATE":
        return accountUpdate(d);
      case "ALGO_UPDATE":
        return algoUpdate(d);
      case "MARGIN_CALL":
        return marginCall(d);
      case "listenKeyExpired":
        return new UserDataEvent.ListenKeyExpired(
            f.nonNegative(d, "E"), f.textOr(d, "listenKey", ""));
      default:
        return new UserDataEvent.Unmapped(f.nonNegativeOr(d, "E", 0), type);
    }
  }

  /**
   * An {@code ORDER_TRADE_UPDATE} event.
   *
   * @param d the event object
   * @return the update
   */
  public static UserDataEvent.OrderUpdate orderUpdate(JsonNode d) {
    JsonFields f = new JsonFields("ORDER_TRADE_UPDATE");
    long e = f.nonNegative(d, "E");
    long t = f.nonNegativeOr(d, "T", e);
    JsonNode o = f.object(d, "o");
    JsonFields of = new JsonFields("ORDER_TRADE_UPDATE.o");
    Symbol symbol = of.symbol(o, "s");
    ClientOrderId cid;
    String c = of.text(o, "c");
    try {
      cid = ClientOrderId.of(c);
    } catch (RuntimeException ex) {
      throw of.fail("c", "must be a client order id but was '" + JsonFields.abbreviate(c) + "'");
    }
    String x = of.text(o, "x");
    String status = of.text(o, "X");
    long orderId = of.nonNegative(o, "i");
    long tradeTime = of.nonNegativeOr(o, "T", t);
    Quantity q = of.quantity(o, "q");
    Quantity z = of.quantity(o, "z");
    if (z.compareTo(q) > 0) {
      throw of.fail("z", "must be <= q " + q + " but was " + z);
    }
    PositionSide ps = positionSide(of, o, "ps");
    Decimal rp = of.textOr(o, "rp", "").isEmpty() ? Decimal.ZERO : of.decimal(o, "rp");
    String er = er(of, o);
    OrderEvent event;
    if ("REJECTED".equals(status)) {
      event = new OrderRejected(cid, symbol, tradeTime, "rejected by Binance (er " + er + ")", 0);
    } else {
      switch (x) {
        case "NEW":
          event =
              new OrderAccepted(cid, symbol, tradeTime, VenueOrderId.of(Long.toString(orderId)));
          break;
        case "CANCELED":
          event = new OrderCancelled(cid, symbol, tradeTime, z);
          break;
        case "EXPIRED":
          event = new OrderExpired(cid, symbol, tradeTime, z, "expired by Binance (er " + er + ")");
          break;
        case "TRADE":
        case "CALCULATED":
          event = fill(of, o, cid, symbol, orderId, tradeTime, q, z, status);
          break;
        case "AMENDMENT":
          event = null;
          break;
        default:
          throw of.fail(
              "x", "must be a known execution type but was '" + JsonFields.abbreviate(x) + "'");
      }
    }
    return new UserDataEvent.OrderUpdate(e, t, x, status, ps, rp, er, Optional.ofNullable(event));
  }

  private static String er(JsonFields f, JsonNode o) {
    JsonNode n = o.get("er");
    if (n == null || n.isNull()) {
      return "0";
    }
    // Reason codes are small integers (sent as text or as a number); anything else is malformed.
    if ((n.isTextual() && n.textValue().length() <= 16)
        || (n.isIntegralNumber() && n.canConvertToInt())) {
      return n.asText();
    }
    throw f.fail("er", "must be a reason code but was " + JsonFields.abbreviate(n.toString()));
  }

  private static OrderEvent fill(
      JsonFields f,
      JsonNode o,
      ClientOrderId cid,
      Symbol symbol,
      long orderId,
      long time,
      Quantity q,
      Quantity z,
      String status) {
    Quantity last = f.quantity(o, "l");
    if (last.isZero()) {
      throw f.fail("l", "must be > 0 for a fill but was " + last);
    }
    if (last.compareTo(z) > 0) {
      throw f.fail("l", "must be <= z " + z + " but was " + last);
    }
    Side side = side(f, o);
    Asset feeAsset = f.textOr(o, "N", "").isEmpty() ? Asset.USDT : f.asset(o, "N");
    Decimal fee = f.textOr(o, "n", "").isEmpty() ? Decimal.ZERO : f.decimal(o, "n");
    Quantity leaves = q.minus(z);
    Execution ex;
    try {
      ex =
          new Execution(
              VenueOrderId.of(Long.toString(orderId)),
              TradeId.of(Long.toString(f.nonNegative(o, "t"))),
              side,
              f.price(o, "L"),
              last,
              z,
              leaves,
              Money.of(feeAsset, fee),
              f.bool(o, "m") ? Liquidity.MAKER : Liquidity.TAKER);
    } catch (BinanceException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw f.fail("l/z/q", "are inconsistent: " + e.getMessage());
    }
    boolean filled = "FILLED".equals(status);
    if (filled != leaves.isZero()) {
      throw f.fail("X", "is " + status + " but z " + z + " and q " + q + " disagree");
    }
    return filled
        ? new OrderFilled(cid, symbol, time, ex)
        : new OrderPartiallyFilled(cid, symbol, time, ex);
  }

  private static Side side(JsonFields f, JsonNode o) {
    String s = f.text(o, "S");
    switch (s) {
      case "BUY":
        return Side.BUY;
      case "SELL":
        return Side.SELL;
      default:
        throw f.fail("S", "must be BUY or SELL but was '" + JsonFields.abbreviate(s) + "'");
    }
  }

  private static PositionSide positionSide(JsonFields f, JsonNode o, String field) {
    String s = f.textOr(o, field, "BOTH");
    switch (s) {
      case "BOTH":
        return PositionSide.BOTH;
      case "LONG":
        return PositionSide.LONG;
      case "SHORT":
        return PositionSide.SHORT;
      default:
        throw f.fail(
            field, "must be BOTH, LONG or SHORT but was '" + JsonFields.abbreviate(s) + "'");
    }
  }

  /**
   * An {@code ACCOUNT_UPDATE} event.
   *
   * @param d the event object
   * @return the update
   */
  public static UserDataEvent.AccountUpdate accountUpdate(JsonNode d) {
    JsonFields f = new JsonFields("ACCOUNT_UPDATE");
    long e = f.nonNegative(d, "E");
    long t = f.nonNegativeOr(d, "T", e);
    JsonNode a = f.object(d, "a");
    String reason = f.text(a, "m");
    List<UserDataEvent.Balance> balances = new ArrayList<>();
    JsonNode bs = a.has("B") ? f.array(a, "B") : BinanceJson.mapper().createArrayNode();
    for (int i = 0; i < bs.size(); i++) {
      JsonFields bf = new JsonFields("ACCOUNT_UPDATE.a.B[" + i + "]");
      JsonNode b = bs.get(i);
      balances.add(
          new UserDataEvent.Balance(
              bf.asset(b, "a"), bf.decimal(b, "wb"), bf.decimal(b, "cw"), decimalOr(bf, b, "bc")));
    }
    List<UserDataEvent.PositionChange> positions = new ArrayList<>();
    JsonNode ps = a.has("P") ? f.array(a, "P") : BinanceJson.mapper().createArrayNode();
    for (int i = 0; i < ps.size(); i++) {
      JsonFields pf = new JsonFields("ACCOUNT_UPDATE.a.P[" + i + "]");
      JsonNode p = ps.get(i);
      positions.add(
          new UserDataEvent.PositionChange(
              pf.symbol(p, "s"),
              pf.decimal(p, "pa"),
              pf.decimal(p, "ep"),
              decimalOr(pf, p, "up"),
              pf.textOr(p, "mt", "cross"),
              decimalOr(pf, p, "iw"),
              positionSide(pf, p, "ps")));
    }
    return new UserDataEvent.AccountUpdate(e, t, reason, balances, positions);
  }

  private static Decimal decimalOr(JsonFields f, JsonNode n, String field) {
    return f.textOr(n, field, "").isEmpty() ? Decimal.ZERO : f.decimal(n, field);
  }

  /**
   * An {@code ALGO_UPDATE} event.
   *
   * @param d the event object
   * @return the update
   */
  public static UserDataEvent.AlgoUpdate algoUpdate(JsonNode d) {
    JsonFields f = new JsonFields("ALGO_UPDATE");
    long e = f.nonNegative(d, "E");
    JsonNode o = f.object(d, "o");
    JsonFields of = new JsonFields("ALGO_UPDATE.o");
    String tp = of.textOr(o, "tp", "");
    Optional<Decimal> trigger = tp.isEmpty() ? Optional.empty() : Optional.of(of.decimal(o, "tp"));
    JsonNode ai = o.get("ai");
    if (ai != null
        && !ai.isNull()
        && !(ai.isTextual() && ai.textValue().length() <= 64)
        && !(ai.isIntegralNumber() && ai.canConvertToLong())) {
      // asText() of a container is "", which would silently read as "not triggered".
      throw of.fail("ai", "must be an order id but was " + JsonFields.abbreviate(ai.toString()));
    }
    Optional<String> triggered =
        ai == null || ai.isNull() || ai.asText().isEmpty() || "0".equals(ai.asText())
            ? Optional.empty()
            : Optional.of(ai.asText());
    String rm = of.textOr(o, "rm", "");
    return new UserDataEvent.AlgoUpdate(
        e,
        of.text(o, "caid"),
        of.nonNegative(o, "aid"),
        of.symbol(o, "s"),
        side(of, o).name(),
        of.text(o, "o"),
        of.text(o, "X"),
        of.decimal(o, "q"),
        trigger,
        triggered,
        rm.isEmpty() ? Optional.empty() : Optional.of(rm));
  }

  /**
   * A {@code MARGIN_CALL} event.
   *
   * @param d the event object
   * @return the margin call
   */
  public static UserDataEvent.MarginCall marginCall(JsonNode d) {
    JsonFields f = new JsonFields("MARGIN_CALL");
    long e = f.nonNegative(d, "E");
    Optional<Decimal> cw =
        f.textOr(d, "cw", "").isEmpty() ? Optional.empty() : Optional.of(f.decimal(d, "cw"));
    JsonNode ps = f.array(d, "p");
    List<UserDataEvent.MarginCallPosition> out = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      JsonFields pf = new JsonFields("MARGIN_CALL.p[" + i + "]");
      JsonNode p = ps.get(i);
      out.add(
          new UserDataEvent.MarginCallPosition(
              pf.symbol(p, "s"),
              positionSide(pf, p, "ps"),
              pf.decimal(p, "pa"),
              pf.decimal(p, "mp"),
              decimalOr(pf, p, "up"),
              pf.decimal(p, "mm")));
    }
    return new UserDataEvent.MarginCall(e, cw, out);
  }
}
