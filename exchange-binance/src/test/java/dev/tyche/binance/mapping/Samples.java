package dev.tyche.binance.mapping;

import dev.tyche.binance.dto.BinanceJson;
import dev.tyche.binance.dto.ExchangeInfo;
import dev.tyche.core.instrument.Instrument;

/** Valid Binance replies, shaped like the documentation's examples. */
final class Samples {

  private Samples() {}

  static final String EXCHANGE_INFO =
      "{\"timezone\":\"UTC\",\"serverTime\":1700000000000,\"rateLimits\":[{\"rateLimitType\":"
          + "\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":2400}],"
          + "\"symbols\":["
          + "{\"symbol\":\"BTCUSDT\",\"pair\":\"BTCUSDT\",\"contractType\":\"PERPETUAL\","
          + "\"status\":\"TRADING\",\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\","
          + "\"marginAsset\":\"USDT\",\"pricePrecision\":2,\"quantityPrecision\":3,\"filters\":["
          + "{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"556.80\",\"maxPrice\":\"4529764\","
          + "\"tickSize\":\"0.10\"},{\"filterType\":\"LOT_SIZE\",\"stepSize\":\"0.001\","
          + "\"maxQty\":\"1000\",\"minQty\":\"0.001\"},{\"filterType\":\"MIN_NOTIONAL\","
          + "\"notional\":\"100\"},{\"filterType\":\"MAX_NUM_ORDERS\",\"limit\":200}]},"
          + "{\"symbol\":\"1000SHIBUSDT\",\"contractType\":\"PERPETUAL\",\"status\":\"TRADING\","
          + "\"baseAsset\":\"1000SHIB\",\"quoteAsset\":\"USDT\",\"pricePrecision\":6,"
          + "\"quantityPrecision\":0,\"filters\":[{\"filterType\":\"PRICE_FILTER\","
          + "\"tickSize\":\"0.000001\"},{\"filterType\":\"LOT_SIZE\",\"stepSize\":\"1\","
          + "\"maxQty\":\"120000000\",\"minQty\":\"1\"}]},"
          + "{\"symbol\":\"BTCUSDT_250627\",\"contractType\":\"CURRENT_QUARTER\",\"status\":"
          + "\"TRADING\",\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\",\"pricePrecision\":1,"
          + "\"quantityPrecision\":3,\"filters\":[]},"
          + "{\"symbol\":\"OLDUSDT\",\"contractType\":\"PERPETUAL\",\"status\":\"SETTLING\","
          + "\"baseAsset\":\"OLD\",\"quoteAsset\":\"USDT\",\"pricePrecision\":1,"
          + "\"quantityPrecision\":3,\"filters\":[]}]}";

  static Instrument btc() {
    return InstrumentMapping.toInstruments(BinanceJson.decode(EXCHANGE_INFO, ExchangeInfo.class))
        .get(0);
  }

  static final String ORDER =
      "{\"orderId\":8886774,\"symbol\":\"BTCUSDT\",\"status\":\"NEW\",\"clientOrderId\":\"my-1\","
          + "\"price\":\"65000.00\",\"avgPrice\":\"0.00\",\"origQty\":\"0.010\",\"executedQty\":"
          + "\"0.000\",\"cumQuote\":\"0\",\"timeInForce\":\"GTX\",\"type\":\"LIMIT\","
          + "\"reduceOnly\":false,\"side\":\"BUY\",\"positionSide\":\"BOTH\",\"stopPrice\":\"0\","
          + "\"workingType\":\"CONTRACT_PRICE\",\"updateTime\":1700000000123}";

  static final String KLINES =
      "[[1699999980000,\"64990.0\",\"65010.0\",\"64980.0\",\"65000.1\",\"12.345\","
          + "1700000039999,\"802345.6\",101,\"6.1\",\"396500.2\",\"0\"]]";
}
