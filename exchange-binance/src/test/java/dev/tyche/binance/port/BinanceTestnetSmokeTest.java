package dev.tyche.binance.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.binance.config.BinanceConfig;
import dev.tyche.binance.config.Credentials;
import dev.tyche.binance.mapping.InstrumentMapping;
import dev.tyche.binance.rest.BinanceRestClient;
import dev.tyche.binance.rest.Sleeper;
import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.GridRounding;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.CancelOrder;
import dev.tyche.core.order.OrderAccepted;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.core.port.DataStatus;
import dev.tyche.core.port.MarketDataKind;
import dev.tyche.core.port.MarketDataListener;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.time.SystemClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Live smoke test against the Binance USDⓈ-M testnet: reconciliation reads, a far-from-market limit
 * order placed, queried and cancelled through the port, and the book and trade streams of BTCUSDT.
 * Tagged {@code live} (excluded from the default build) and run only when {@code
 * BINANCE_TESTNET_API_KEY} and {@code BINANCE_TESTNET_API_SECRET} are set, e.g. {@code ./mvnw -pl
 * exchange-binance verify -Dgroups=live -Dtest=BinanceTestnetSmokeTest}. The keys are never
 * printed.
 */
@Tag("live")
class BinanceTestnetSmokeTest {

  private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");

  @Test
  void orderLifeCycleReconciliationAndStreamsOnTestnet() throws Exception {
    String key = System.getenv("BINANCE_TESTNET_API_KEY");
    String secret = System.getenv("BINANCE_TESTNET_API_SECRET");
    Assumptions.assumeTrue(
        key != null && !key.isBlank() && secret != null && !secret.isBlank(),
        "BINANCE_TESTNET_API_KEY and BINANCE_TESTNET_API_SECRET are not set");
    BinanceConfig config = BinanceConfig.testnet(Credentials.of(key, secret));
    try (BinanceRestClient rest =
        new BinanceRestClient(config, SystemClock.INSTANCE, Sleeper.THREAD_SLEEP, 1)) {
      rest.syncTime();
      Instrument btc =
          InstrumentMapping.toInstruments(rest.exchangeInfo()).stream()
              .filter(i -> i.symbol().equals(BTCUSDT))
              .findFirst()
              .orElseThrow();

      VenueState state = new Reconciler(rest, List.of(btc)).fetch();
      System.out.println(
          "testnet: open orders "
              + state.openOrders().size()
              + ", positions "
              + state.positions().size()
              + ", balances "
              + state.balances().keySet());

      // A buy 20 % below the mark cannot fill; its notional is above the minimum.
      double mark = Double.parseDouble(rest.premiumIndex("BTCUSDT").markPrice());
      Price limit = btc.roundPrice(mark * 0.8, GridRounding.DOWN);
      BigDecimal minQty =
          new BigDecimal(btc.minNotional().toString())
              .add(BigDecimal.TEN)
              .divide(new BigDecimal(limit.toPlainString()), 8, RoundingMode.UP);
      Quantity qty = btc.roundQuantity(minQty.doubleValue(), GridRounding.UP);
      Recorder rec = new Recorder();
      try (BinanceExecutionClient exec =
          new BinanceExecutionClient(
              rest,
              List.of(btc),
              BinanceExecutionClient.userDataStream(config, SystemClock.INSTANCE, 1),
              BinanceExecutionClient.Options.defaults())) {
        exec.start(rec);
        ClientOrderId id =
            ClientOrderId.of(
                "tyche-smoke-" + (SystemClock.INSTANCE.currentTimeMillis() % 1_000_000_000L));
        exec.submit(SubmitOrder.limit(id, BTCUSDT, Side.BUY, qty, limit, TimeInForce.GTC));
        rec.await(id, OrderAccepted.class, 20_000);
        exec.requestStatus(id, BTCUSDT);
        rec.awaitTrue(() -> rec.of(id).size() >= 2, 20_000, "status answer");
        exec.cancel(new CancelOrder(id, BTCUSDT));
        rec.await(id, OrderCancelled.class, 20_000);
        assertThat(exec.toString()).doesNotContain(key).doesNotContain(secret);
      }

      List<MarketEvent> events = new ArrayList<>();
      List<DataStatus> statuses = new ArrayList<>();
      MarketDataListener l =
          new MarketDataListener() {
            @Override
            public void onMarketEvent(MarketEvent event) {
              synchronized (events) {
                events.add(event);
              }
            }

            @Override
            public void onStatus(Symbol symbol, DataStatus status, String reason) {
              synchronized (events) {
                statuses.add(status);
              }
            }
          };
      try (BinanceMarketDataClient md =
          BinanceMarketDataClient.create(config, rest, List.of(btc), SystemClock.INSTANCE, 1)) {
        md.subscribe(Subscription.of(BTCUSDT, MarketDataKind.BOOK));
        md.subscribe(Subscription.of(BTCUSDT, MarketDataKind.TRADES));
        md.start(l);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
          synchronized (events) {
            if (statuses.contains(DataStatus.LIVE)
                && events.stream().anyMatch(e -> e instanceof BookSnapshot)
                && events.stream().anyMatch(e -> e instanceof Trade)) {
              break;
            }
          }
          Thread.sleep(100);
        }
        synchronized (events) {
          assertThat(statuses).contains(DataStatus.LIVE);
          assertThat(events).anyMatch(e -> e instanceof BookSnapshot);
          assertThat(events).anyMatch(e -> e instanceof Trade);
        }
      }
      assertThat(rest.toString()).doesNotContain(key).doesNotContain(secret);
    }
  }
}
