package dev.tyche.binance.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tyche.binance.dto.AccountInfo;
import dev.tyche.binance.dto.AggTrade;
import dev.tyche.binance.dto.AssetBalance;
import dev.tyche.binance.dto.BinanceJson;
import dev.tyche.binance.dto.BookTicker;
import dev.tyche.binance.dto.CommissionRate;
import dev.tyche.binance.dto.DepthSnapshot;
import dev.tyche.binance.dto.ExchangeInfo;
import dev.tyche.binance.dto.FundingRateEntry;
import dev.tyche.binance.dto.Income;
import dev.tyche.binance.dto.Kline;
import dev.tyche.binance.dto.LeverageChange;
import dev.tyche.binance.dto.OrderResponse;
import dev.tyche.binance.dto.PositionRisk;
import dev.tyche.binance.dto.PremiumIndex;
import dev.tyche.binance.dto.ServerTime;
import dev.tyche.binance.dto.UserTrade;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.error.ErrorKind;
import dev.tyche.binance.rest.BinanceRestClient;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.time.BarInterval;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;

/**
 * Hostile payloads for every JSON decoder and mapper: one field of a valid reply is removed, set to
 * null, to the wrong type, to a huge or fractional number, to {@code "NaN"}, to exponent text, or
 * made negative. Each payload must either decode and map completely, or fail with a {@link
 * BinanceException} (malformed) or {@link IllegalArgumentException} whose message names the field;
 * a mutation that makes the value meaningless must fail.
 */
class JsonFuzzProperties {

  private static final ObjectMapper M = new ObjectMapper();
  private static final Instrument BTC = Samples.btc();

  /** A sample: its JSON, the pipeline (decode + map), its fields, which must be present. */
  private record Case(
      String name,
      String json,
      Consumer<String> pipeline,
      List<String> fields,
      List<String> required,
      List<String> nonNegative) {}

  private static final List<Case> CASES =
      List.of(
          new Case(
              "order",
              Samples.ORDER,
              j -> OrderMapping.lifecycleEvent(BinanceJson.decode(j, OrderResponse.class), BTC),
              List.of(
                  "orderId",
                  "symbol",
                  "status",
                  "clientOrderId",
                  "price",
                  "avgPrice",
                  "origQty",
                  "executedQty",
                  "timeInForce",
                  "type",
                  "side",
                  "updateTime"),
              List.of(
                  "orderId",
                  "symbol",
                  "status",
                  "clientOrderId",
                  "origQty",
                  "executedQty",
                  "type",
                  "side",
                  "updateTime"),
              List.of("origQty", "executedQty", "orderId", "updateTime")),
          new Case(
              "aggTrade",
              "{\"a\":26129,\"p\":\"65000.10\",\"q\":\"0.120\",\"f\":100,\"l\":105,"
                  + "\"T\":1700000000100,\"m\":true}",
              j ->
                  MarketMapping.toTrade(
                      BinanceJson.decode(j, AggTrade.class), Symbol.of("BTCUSDT")),
              List.of("a", "p", "q", "f", "l", "T", "m"),
              List.of("a", "p", "q", "f", "l", "T", "m"),
              List.of("p", "q", "a", "T")),
          new Case(
              "premiumIndex",
              "{\"symbol\":\"BTCUSDT\",\"markPrice\":\"65001.23\",\"indexPrice\":\"64995.10\","
                  + "\"estimatedSettlePrice\":\"64996.00\",\"lastFundingRate\":\"0.00010000\","
                  + "\"interestRate\":\"0.00010000\",\"nextFundingTime\":1700006400000,"
                  + "\"time\":1700000000000}",
              j -> MarketMapping.toMarkPrice(BinanceJson.decode(j, PremiumIndex.class)),
              List.of(
                  "symbol",
                  "markPrice",
                  "indexPrice",
                  "lastFundingRate",
                  "nextFundingTime",
                  "time"),
              List.of(
                  "symbol",
                  "markPrice",
                  "indexPrice",
                  "lastFundingRate",
                  "nextFundingTime",
                  "time"),
              List.of("markPrice", "indexPrice", "time")),
          new Case(
              "fundingRate",
              "{\"symbol\":\"BTCUSDT\",\"fundingRate\":\"0.00010000\",\"fundingTime\":1699977600000,"
                  + "\"markPrice\":\"36950.10000000\"}",
              j -> MarketMapping.toFundingRate(BinanceJson.decode(j, FundingRateEntry.class)),
              List.of("symbol", "fundingRate", "fundingTime", "markPrice"),
              List.of("symbol", "fundingRate", "fundingTime"),
              List.of("fundingTime", "markPrice")),
          new Case(
              "depth",
              "{\"lastUpdateId\":7,\"E\":5,\"T\":4,\"bids\":[[\"10.0\",\"1\"]],"
                  + "\"asks\":[[\"10.1\",\"2\"]]}",
              j ->
                  MarketMapping.toBookSnapshot(
                      BinanceJson.decode(j, DepthSnapshot.class), Symbol.of("BTCUSDT")),
              List.of("lastUpdateId", "E", "T", "bids", "asks"),
              List.of("lastUpdateId", "E", "T", "bids", "asks"),
              List.of("lastUpdateId", "E")),
          new Case(
              "bookTicker",
              "{\"symbol\":\"BTCUSDT\",\"bidPrice\":\"1.0\",\"bidQty\":\"2\",\"askPrice\":\"1.1\","
                  + "\"askQty\":\"3\",\"time\":5}",
              j -> BinanceJson.decode(j, BookTicker.class),
              List.of("symbol", "bidPrice", "bidQty", "askPrice", "askQty", "time"),
              List.of("symbol", "bidPrice", "bidQty", "askPrice", "askQty", "time"),
              List.of("time")),
          new Case(
              "serverTime",
              "{\"serverTime\":1700000000000}",
              j -> BinanceJson.decode(j, ServerTime.class),
              List.of("serverTime"),
              List.of("serverTime"),
              List.of("serverTime")),
          new Case(
              "balance",
              "{\"asset\":\"USDT\",\"balance\":\"1.0\",\"crossWalletBalance\":\"1\","
                  + "\"crossUnPnl\":\"0\",\"availableBalance\":\"1\",\"maxWithdrawAmount\":\"1\"}",
              j -> BinanceJson.decode(j, AssetBalance.class),
              List.of("asset", "balance", "crossWalletBalance", "availableBalance"),
              List.of("asset", "balance", "availableBalance"),
              List.of()),
          new Case(
              "positionRisk",
              "{\"symbol\":\"BTCUSDT\",\"positionSide\":\"BOTH\",\"positionAmt\":\"0.010\","
                  + "\"entryPrice\":\"65000\",\"markPrice\":\"65000\",\"unRealizedProfit\":\"0\","
                  + "\"liquidationPrice\":\"0\",\"notional\":\"650\",\"updateTime\":1}",
              j -> BinanceJson.decode(j, PositionRisk.class),
              List.of(
                  "symbol",
                  "positionAmt",
                  "entryPrice",
                  "markPrice",
                  "unRealizedProfit",
                  "updateTime"),
              List.of("symbol", "positionAmt", "entryPrice", "markPrice", "unRealizedProfit"),
              List.of("updateTime")),
          new Case(
              "account",
              "{\"totalWalletBalance\":\"1\",\"totalUnrealizedProfit\":\"0\","
                  + "\"totalMarginBalance\":\"1\",\"totalInitialMargin\":\"0\","
                  + "\"totalMaintMargin\":\"0\",\"availableBalance\":\"1\",\"assets\":[],"
                  + "\"positions\":[]}",
              j -> BinanceJson.decode(j, AccountInfo.class),
              List.of(
                  "totalWalletBalance",
                  "totalMarginBalance",
                  "availableBalance",
                  "assets",
                  "positions"),
              List.of(
                  "totalWalletBalance",
                  "totalMarginBalance",
                  "availableBalance",
                  "assets",
                  "positions"),
              List.of()),
          new Case(
              "leverage",
              "{\"leverage\":20,\"maxNotionalValue\":\"1000000\",\"symbol\":\"BTCUSDT\"}",
              j -> BinanceJson.decode(j, LeverageChange.class),
              List.of("leverage", "maxNotionalValue", "symbol"),
              List.of("leverage", "maxNotionalValue", "symbol"),
              List.of("leverage")),
          new Case(
              "brackets",
              "{\"symbol\":\"BTCUSDT\",\"brackets\":[{\"bracket\":1,\"initialLeverage\":125,"
                  + "\"notionalCap\":50000,\"notionalFloor\":0,\"maintMarginRatio\":0.004,"
                  + "\"cum\":0.0}]}",
              j -> BinanceRestClient.decodeBrackets(j).forEach(BracketMapping::toTiers),
              List.of("symbol", "brackets"),
              List.of("symbol", "brackets"),
              List.of()),
          new Case(
              "commission",
              "{\"symbol\":\"BTCUSDT\",\"makerCommissionRate\":\"0.0002\","
                  + "\"takerCommissionRate\":\"0.0005\"}",
              j -> BinanceJson.decode(j, CommissionRate.class),
              List.of("symbol", "makerCommissionRate", "takerCommissionRate"),
              List.of("symbol", "makerCommissionRate", "takerCommissionRate"),
              List.of()),
          new Case(
              "income",
              "{\"symbol\":\"BTCUSDT\",\"incomeType\":\"FUNDING_FEE\",\"income\":\"-0.375\","
                  + "\"asset\":\"USDT\",\"info\":\"\",\"time\":1,\"tranId\":9,\"tradeId\":\"\"}",
              j -> BinanceJson.decode(j, Income.class),
              List.of("incomeType", "income", "asset", "time", "tranId"),
              List.of("incomeType", "income", "asset", "time", "tranId"),
              List.of("time", "tranId")),
          new Case(
              "userTrade",
              "{\"id\":1,\"orderId\":8886774,\"symbol\":\"BTCUSDT\",\"side\":\"BUY\","
                  + "\"price\":\"65000.0\",\"qty\":\"0.004\",\"commission\":\"0.05\","
                  + "\"commissionAsset\":\"USDT\",\"realizedPnl\":\"0\",\"maker\":true,\"time\":9}",
              j ->
                  OrderMapping.fills(
                      BinanceJson.decode(Samples.ORDER, OrderResponse.class),
                      List.of(BinanceJson.decode(j, UserTrade.class)),
                      BTC),
              List.of(
                  "id",
                  "orderId",
                  "symbol",
                  "side",
                  "price",
                  "qty",
                  "commission",
                  "commissionAsset",
                  "maker",
                  "time"),
              List.of(
                  "id",
                  "orderId",
                  "symbol",
                  "side",
                  "price",
                  "qty",
                  "commission",
                  "commissionAsset",
                  "maker",
                  "time"),
              List.of("price", "qty", "id", "time")),
          new Case(
              "exchangeInfo",
              Samples.EXCHANGE_INFO,
              j -> InstrumentMapping.toInstruments(BinanceJson.decode(j, ExchangeInfo.class)),
              List.of("serverTime", "rateLimits", "symbols"),
              List.of("serverTime", "rateLimits", "symbols"),
              List.of("serverTime")));

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int MUTATIONS = 11;

  /** Applies mutation {@code m}; returns whether the result must be rejected. */
  private static boolean mutate(ObjectNode obj, String field, int m, Case c) {
    boolean required = c.required().contains(field);
    JsonNode orig = obj.get(field);
    boolean number = orig != null && orig.isNumber();
    boolean decimalText =
        orig != null && orig.isTextual() && orig.asText().matches("-?[0-9]+(\\.[0-9]+)?");
    boolean bool = orig != null && orig.isBoolean();
    boolean valued = number || decimalText || bool;
    switch (m) {
      case 0:
        obj.remove(field);
        return required;
      case 1:
        obj.set(field, F.nullNode());
        return required;
      case 2:
        obj.set(field, F.objectNode().put("x", 1));
        return true;
      case 3:
        obj.set(field, F.arrayNode().add(1).add("2"));
        return true;
      case 4:
        obj.put(field, "NaN");
        return valued;
      case 5:
        obj.put(field, "1e400");
        return valued;
      case 6:
        obj.set(field, F.numberNode(new BigInteger("123456789012345678901234567890")));
        return number;
      case 7:
        obj.set(field, F.numberNode(new BigDecimal("1.5")));
        return number;
      case 8:
        obj.put(field, "-1.5");
        return c.nonNegative().contains(field) || number || bool;
      case 9:
        obj.put(field, true);
        return number || decimalText;
      default:
        obj.put(field, "");
        // Binance sends an empty markPrice for old funding rows: documented as absent.
        boolean emptyMeansAbsent = c.name().equals("fundingRate") && field.equals("markPrice");
        return required || (decimalText && !emptyMeansAbsent);
    }
  }

  @Provide
  Arbitrary<Tuple3<Integer, Integer, Integer>> mutations() {
    return Arbitraries.integers()
        .between(0, CASES.size() - 1)
        .flatMap(
            c ->
                Arbitraries.integers()
                    .between(0, CASES.get(c).fields().size() - 1)
                    .flatMap(
                        f ->
                            Arbitraries.integers()
                                .between(0, MUTATIONS - 1)
                                .map(m -> Tuple.of(c, f, m))));
  }

  @Property(tries = 1500)
  void hostileFieldsFailNamingTheFieldOrMapCompletely(
      @ForAll("mutations") Tuple3<Integer, Integer, Integer> t) throws Exception {
    Case c = CASES.get(t.get1());
    String field = c.fields().get(t.get2());
    ObjectNode obj = (ObjectNode) M.readTree(c.json());
    boolean mustFail = mutate(obj, field, t.get3(), c);
    String json = M.writeValueAsString(obj);
    Throwable failure = null;
    try {
      c.pipeline().accept(json);
    } catch (BinanceException e) {
      assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
      failure = e;
    } catch (IllegalArgumentException | ArithmeticException e) {
      failure = e;
    }
    if (failure == null) {
      assertThat(mustFail)
          .as("%s.%s mutation %d must be rejected: %s", c.name(), field, t.get3(), json)
          .isFalse();
      return;
    }
    assertThat(failure.getMessage())
        .as("%s.%s mutation %d", c.name(), field, t.get3())
        .contains(field);
  }

  @Property(tries = 300)
  void hostileKlineElementsFailNamingTheField(
      @ForAll("klineMutations") Tuple.Tuple2<Integer, Integer> t) throws Exception {
    String[] names = {
      "openTime",
      "open",
      "high",
      "low",
      "close",
      "volume",
      "closeTime",
      "quoteVolume",
      "trades",
      "takerBuyBaseVolume",
      "takerBuyQuoteVolume"
    };
    ArrayNode rows = (ArrayNode) M.readTree(Samples.KLINES);
    ArrayNode row = (ArrayNode) rows.get(0);
    int i = t.get1();
    JsonNode[] hostile = {
      F.nullNode(),
      F.textNode("NaN"),
      F.textNode("-1"),
      F.numberNode(new BigDecimal("1.5")),
      F.numberNode(new BigInteger("123456789012345678901234567890")),
      F.objectNode(),
      F.textNode("1e400"),
      F.booleanNode(true)
    };
    row.set(i, hostile[t.get2()]);
    String json = M.writeValueAsString(rows);
    try {
      MarketMapping.toBars(
          BinanceJson.decodeList(json, Kline.class), Symbol.of("BTCUSDT"), BarInterval.MINUTE_1);
    } catch (BinanceException | IllegalArgumentException e) {
      assertThat(e.getMessage()).contains(names[i]);
      return;
    }
    throw new AssertionError("kline element " + names[i] + " = " + hostile[t.get2()] + " passed");
  }

  @Provide
  Arbitrary<Tuple.Tuple2<Integer, Integer>> klineMutations() {
    return Arbitraries.integers()
        .between(0, 10)
        .flatMap(i -> Arbitraries.integers().between(0, 7).map(m -> Tuple.of(i, m)));
  }

  @Property(tries = 200)
  void garbageBodiesAreMalformedNeverPartial(@ForAll("garbage") String body) {
    for (Class<?> type :
        List.of(OrderResponse.class, ExchangeInfo.class, ServerTime.class, AccountInfo.class)) {
      try {
        Object v = BinanceJson.decode(body, type);
        assertThat(v).isNotNull();
      } catch (BinanceException e) {
        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.getMessage()).contains(type.getSimpleName());
      }
    }
  }

  @Provide
  Arbitrary<String> garbage() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(60),
        Arbitraries.of(
            "",
            "null",
            "[]",
            "{}",
            "{\"orderId\":",
            "{\"serverTime\":1}{}",
            "[[[[[[[[[[",
            "{\"serverTime\":1.5}",
            "{\"serverTime\":-5}",
            "{\"serverTime\":\"soon\"}",
            "{\"serverTime\":99999999999999999999999}"),
        Arbitraries.strings().withChars("{}[]\":,0123456789.-ae").ofMaxLength(40));
  }
}
