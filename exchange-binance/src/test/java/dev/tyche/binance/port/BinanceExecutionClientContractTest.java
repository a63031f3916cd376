package dev.tyche.binance.port;

import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Price;
import dev.tyche.core.port.ExecutionClient;
import dev.tyche.testkit.ExecutionClientContract;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The port's contract suite (from execution's test sources) against {@link BinanceExecutionClient}
 * over the fake Binance on 127.0.0.1: REST orders and the user data stream over a real WebSocket.
 * "The market trades at a price" is the fake exchange's {@code tradeAt}, which fills every resting
 * order at or through it and pushes the fill on the user data stream.
 */
class BinanceExecutionClientContractTest extends ExecutionClientContract {

  private FakeExchange exchange;
  private long seed = 100;

  @Override
  protected ExecutionClient newClient() {
    if (exchange != null) {
      exchange.close();
    }
    try {
      exchange = new FakeExchange(seed++);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    BinanceExecutionClient c = exchange.executionClient();
    return new ExecutionClient() {
      @Override
      public void start(dev.tyche.core.port.OrderEventListener listener) {
        c.start(listener);
        exchange.awaitUserStream();
      }

      @Override
      public void submit(dev.tyche.core.order.SubmitOrder order) {
        c.submit(order);
      }

      @Override
      public void cancel(dev.tyche.core.order.CancelOrder cancel) {
        c.cancel(cancel);
      }

      @Override
      public void requestStatus(
          dev.tyche.core.id.ClientOrderId clientOrderId, dev.tyche.core.id.Symbol symbol) {
        c.requestStatus(clientOrderId, symbol);
      }

      @Override
      public void close() {
        c.close();
        exchange.close();
      }
    };
  }

  @Override
  protected Instrument instrument() {
    return exchange.btc();
  }

  @Override
  protected Price referencePrice() {
    return Price.parse("65000.00");
  }

  @Override
  protected void marketTradesAt(Price price) {
    exchange.awaitUserStream();
    exchange.rest.tradeAt(instrument().symbol().value(), price.toPlainString());
  }
}
