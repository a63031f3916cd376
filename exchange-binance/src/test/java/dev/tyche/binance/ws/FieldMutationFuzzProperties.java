package dev.tyche.binance.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tyche.binance.dto.AlgoOrderResponse;
import dev.tyche.binance.dto.BatchOrderResult;
import dev.tyche.binance.dto.BinanceJson;
import dev.tyche.binance.dto.CodeMessage;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.error.ErrorKind;
import dev.tyche.core.book.BookDeltaBuffer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;
import org.junit.jupiter.api.Test;

/**
 * Field-level hostile payloads for every decoder that {@link DecoderFuzzProperties} (text-level
 * mutations) and the mapping module's {@code JsonFuzzProperties} (REST replies) leave out or check
 * only loosely: the market-stream decoder for every event type, the user-data decoder for every
 * event type, the hand-written depth decoder, and the REST replies {@code AlgoOrderResponse},
 * {@code BatchOrderResult} and {@code CodeMessage}.
 *
 * <p>Every object key at any depth of a valid sample (inside nested objects and arrays of objects
 * too) is removed, set to null, to an object, an array, {@code "NaN"}, {@code "Infinity"}, a
 * 31-digit integer, {@code 1e400}, a fraction, a boolean, {@code -1}, an empty string, exponent
 * text, a 60-deep nested array or a 10,000-character string. The decoder must then either succeed
 * or fail with a {@link BinanceException} of kind {@code MALFORMED_RESPONSE} whose message names
 * the mutated key. Garbage that no Binance field can hold (an object or array where a scalar was, a
 * number out of every range, deep nesting) must be rejected or ignored: if the decoder succeeds,
 * its result must equal the unmutated sample's. A failed depth diff leaves the output buffer
 * exactly as it was.
 */
class FieldMutationFuzzProperties {

  private static final ObjectMapper M = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int MUTATIONS = 15;

  /**
   * Mutations whose value no field of these messages can legitimately hold.
   *
   * <p>One tolerance, for the Jackson-bound REST replies only, and a known weakness of {@code
   * BinanceJson}'s mapper: it accepts a number as the text of a free-text field (an id or a status
   * word), because the exchangeInfo filter record carries numbers for some filter types. A number
   * or text where a boolean belongs is refused. Decimal and whole-number fields re-validate and
   * reject. The stream decoders are strict and get no such tolerance.
   */
  private static boolean isGarbage(int mutation, JsonNode original, Target target) {
    boolean coerced = target.coercesScalars() && original.isTextual();
    return switch (mutation) {
      case 2, 3 -> !original.isContainerNode(); // a container where a scalar was
      case 6, 7 -> !coerced; // 31 digits, 1e400
      case 12 -> true; // 60-deep nesting
      default -> false;
    };
  }

  /** One decoder under test with a valid sample. */
  private record Target(
      String name, String json, Function<String, Object> decode, boolean coercesScalars) {
    Target(String name, String json, Function<String, Object> decode) {
      this(name, json, decode, false);
    }
  }

  private static final String ALGO =
      "{\"algoId\":2000000001,\"clientAlgoId\":\"algo-1\",\"algoType\":\"CONDITIONAL\","
          + "\"orderType\":\"STOP_MARKET\",\"symbol\":\"BTCUSDT\",\"side\":\"SELL\","
          + "\"positionSide\":\"BOTH\",\"quantity\":\"0.010\",\"algoStatus\":\"NEW\","
          + "\"triggerPrice\":\"64000\",\"price\":\"0\",\"reduceOnly\":false,"
          + "\"createTime\":1700000000399,\"updateTime\":1700000000400}";

  private static final String BATCH =
      "[{\"orderId\":8886774,\"symbol\":\"BTCUSDT\",\"status\":\"NEW\",\"clientOrderId\":\"my-1\","
          + "\"price\":\"65000.00\",\"avgPrice\":\"0.00\",\"origQty\":\"0.010\",\"executedQty\":"
          + "\"0.000\",\"cumQuote\":\"0\",\"timeInForce\":\"GTX\",\"type\":\"LIMIT\","
          + "\"reduceOnly\":false,\"side\":\"BUY\",\"positionSide\":\"BOTH\",\"stopPrice\":\"0\","
          + "\"workingType\":\"CONTRACT_PRICE\",\"updateTime\":1700000000123},"
          + "{\"code\":-2019,\"msg\":\"Margin is insufficient.\"}]";

  private static final List<Target> TARGETS = targets();

  private static List<Target> targets() {
    List<Target> t = new ArrayList<>();
    for (String s : DecoderFuzzProperties.VALID) {
      if (s.contains("ORDER_TRADE_UPDATE")
          || s.contains("ACCOUNT_UPDATE")
          || s.contains("ALGO_UPDATE")
          || s.contains("MARGIN_CALL")) {
        t.add(new Target("userData " + eventType(s), s, UserDataDecoder::decode));
      } else {
        t.add(new Target("stream " + eventType(s), s, MarketStreamDecoder::decode));
      }
    }
    t.add(new Target("depthDiff", DecoderFuzzProperties.DEPTH, FieldMutationFuzzProperties::depth));
    t.add(new Target("algoOrder", ALGO, j -> BinanceJson.decode(j, AlgoOrderResponse.class), true));
    t.add(new Target("batch", BATCH, j -> BinanceJson.decodeList(j, BatchOrderResult.class), true));
    t.add(
        new Target(
            "codeMessage",
            "{\"code\":-1021,\"msg\":\"Timestamp outside recvWindow.\"}",
            j -> BinanceJson.decode(j, CodeMessage.class),
            true));
    return List.copyOf(t);
  }

  private static String eventType(String json) {
    int i = json.indexOf("\"e\":\"");
    return i < 0 ? "control" : json.substring(i + 5, json.indexOf('"', i + 5));
  }

  /** The depth decoder's result as a comparable value; on failure the buffer must be unchanged. */
  private static Object depth(String json) {
    BookDeltaBuffer buffer = new BookDeltaBuffer(WsHarness.BTCUSDT, 2);
    buffer.reset(1, 2, 0, 3).addBid(100, 1);
    try {
      new DepthDiffDecoder(WsHarness.BTC).decode(json, buffer);
    } catch (BinanceException e) {
      assertThat(contents(buffer)).isEqualTo(List.of(1L, 2L, 0L, 3L, 100L, 1L, 0L));
      throw e;
    }
    return contents(buffer);
  }

  private static List<Long> contents(BookDeltaBuffer b) {
    List<Long> out =
        new ArrayList<>(
            List.of(
                b.firstUpdateId(), b.finalUpdateId(), b.previousFinalUpdateId(), b.eventTime()));
    for (int i = 0; i < b.bidCount(); i++) {
      out.add(b.bidPrice(i));
      out.add(b.bidQuantity(i));
    }
    out.add((long) b.askCount());
    for (int i = 0; i < b.askCount(); i++) {
      out.add(b.askPrice(i));
      out.add(b.askQuantity(i));
    }
    return out;
  }

  /** A key inside the sample: the object that holds it and the key. */
  private record Slot(ObjectNode parent, String key) {}

  private static List<Slot> slots(JsonNode node) {
    List<Slot> out = new ArrayList<>();
    collect(node, out);
    return out;
  }

  private static void collect(JsonNode node, List<Slot> out) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        out.add(new Slot(o, k));
        collect(o.get(k), out);
      }
    } else if (node.isArray()) {
      for (JsonNode e : node) {
        collect(e, out);
      }
    }
  }

  private static JsonNode hostile(int mutation) {
    return switch (mutation) {
      case 1 -> F.nullNode();
      case 2 -> F.objectNode().put("x", 1);
      case 3 -> F.arrayNode().add(1);
      case 4 -> F.textNode("NaN");
      case 5 -> F.textNode("Infinity");
      case 6 -> F.numberNode(new BigInteger("1234567890123456789012345678901"));
      case 7 -> F.numberNode(new BigDecimal("1e400"));
      case 8 -> F.numberNode(new BigDecimal("1.5"));
      case 9 -> F.booleanNode(true);
      case 10 -> F.numberNode(-1);
      case 11 -> F.textNode("");
      case 12 -> deep(60);
      case 13 -> F.textNode("1e5");
      case 14 -> F.textNode("9".repeat(10_000));
      default -> throw new IllegalArgumentException("mutation " + mutation);
    };
  }

  private static JsonNode deep(int depth) {
    ArrayNode root = F.arrayNode();
    ArrayNode a = root;
    for (int i = 1; i < depth; i++) {
      a = a.addArray();
    }
    return root;
  }

  @Provide
  Arbitrary<Tuple3<Integer, Integer, Integer>> mutations() {
    return Arbitraries.integers()
        .between(0, TARGETS.size() - 1)
        .flatMap(
            t ->
                Arbitraries.integers()
                    .between(0, slotCount(t) - 1)
                    .flatMap(
                        s ->
                            Arbitraries.integers()
                                .between(0, MUTATIONS - 1)
                                .map(m -> Tuple.of(t, s, m))));
  }

  private static int slotCount(int target) {
    try {
      return slots(M.readTree(TARGETS.get(target).json())).size();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Property(tries = 3000)
  void everyFieldMutationFailsNamingTheFieldOrDecodesSoundly(
      @ForAll("mutations") Tuple3<Integer, Integer, Integer> m) throws Exception {
    check(m.get1(), m.get2(), m.get3());
  }

  /** Every target, every key, every mutation once: the exhaustive version of the property. */
  @Test
  void exhaustiveOverEveryTargetKeyAndMutation() throws Exception {
    int cases = 0;
    for (int t = 0; t < TARGETS.size(); t++) {
      int n = slotCount(t);
      for (int s = 0; s < n; s++) {
        for (int mu = 0; mu < MUTATIONS; mu++) {
          check(t, s, mu);
          cases++;
        }
      }
    }
    assertThat(cases).isGreaterThan(1000);
  }

  private static void check(int t, int s, int mutation) throws Exception {
    Target target = TARGETS.get(t);
    Object expected = target.decode().apply(target.json());
    JsonNode root = M.readTree(target.json());
    Slot slot = slots(root).get(s);
    JsonNode original = slot.parent().get(slot.key());
    if (mutation == 0) {
      slot.parent().remove(slot.key());
    } else {
      slot.parent().set(slot.key(), hostile(mutation));
    }
    String json = M.writeValueAsString(root);
    String what = target.name() + " key '" + slot.key() + "' mutation " + mutation + ": " + json;
    Object actual;
    try {
      actual = target.decode().apply(json);
    } catch (BinanceException e) {
      assertThat(e.kind()).as(what).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
      // A container replaced by another container may instead be reported by a key inside it. A
      // batch element without 'code' is read as an order, so its 'orderId' is what is missing.
      assertThat(
              namesKey(e.getMessage(), slot.key())
                  || (original.isContainerNode() && namesAnyKeyOf(e.getMessage(), original))
                  || (target.name().equals("batch")
                      && slot.key().equals("code")
                      && namesKey(e.getMessage(), "orderId")))
          .as("%s%n  message: %s", what, e.getMessage())
          .isTrue();
      return;
    }
    if (isGarbage(mutation, original, target)) {
      assertThat(actual).as("garbage accepted and used: %s", what).isEqualTo(expected);
    }
  }

  /** Whether the message names the key as a whole token ({@code 'o.q'}, {@code b[3]}, ...). */
  static boolean namesKey(String message, String key) {
    if (message == null) {
      return false;
    }
    Pattern token = Pattern.compile("(^|[^A-Za-z0-9_])" + Pattern.quote(key) + "($|[^A-Za-z0-9_])");
    return token.matcher(message).find();
  }

  private static boolean namesAnyKeyOf(String message, JsonNode container) {
    for (Slot s : slots(container)) {
      if (namesKey(message, s.key())) {
        return true;
      }
    }
    return false;
  }

  @Test
  void namesKeyMatchesWholeTokensOnly() {
    assertThat(namesKey("stream message: field 'o.q' is missing", "q")).isTrue();
    assertThat(namesKey("depthUpdate: field 'b[3].price' must be", "b")).isTrue();
    assertThat(namesKey("cannot decode X (through [\"algoId\"])", "algoId")).isTrue();
    assertThat(namesKey("field 'symbol' is missing", "s")).isFalse();
    assertThat(namesKey(null, "s")).isFalse();
    assertThat(Arrays.asList(MUTATIONS, TARGETS.size())).allMatch(n -> n > 10);
  }
}
