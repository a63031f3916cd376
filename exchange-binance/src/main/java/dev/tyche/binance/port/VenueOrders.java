package dev.tyche.binance.port;

import dev.tyche.binance.dto.AlgoOrderResponse;
import dev.tyche.binance.dto.OrderResponse;
import dev.tyche.binance.dto.UserTrade;
import dev.tyche.binance.rest.AlgoOrderRequest;
import dev.tyche.binance.rest.BinanceRestClient;
import dev.tyche.binance.rest.NewOrderRequest;
import dev.tyche.binance.rest.OrderPlacement;
import java.util.List;
import java.util.Optional;

/**
 * The order endpoints the execution client uses, as a seam: {@link #rest} in production, an
 * in-memory venue in the seeded fault runs. Every method blocks and throws {@code BinanceException}
 * as {@link BinanceRestClient} does.
 *
 * <p>Implementations are thread-safe.
 */
interface VenueOrders {

  OrderPlacement<OrderResponse> place(NewOrderRequest request);

  OrderPlacement<AlgoOrderResponse> placeAlgo(AlgoOrderRequest request);

  OrderPlacement<OrderResponse> resolve(String symbol, String clientOrderId);

  Optional<OrderResponse> query(String symbol, String clientOrderId);

  Optional<AlgoOrderResponse> queryAlgo(String clientAlgoId);

  OrderResponse cancel(String symbol, String clientOrderId);

  AlgoOrderResponse cancelAlgo(String clientAlgoId);

  List<UserTrade> trades(String symbol, long orderId);

  static VenueOrders rest(BinanceRestClient rest) {
    return new VenueOrders() {
      @Override
      public OrderPlacement<OrderResponse> place(NewOrderRequest request) {
        return rest.placeOrder(request);
      }

      @Override
      public OrderPlacement<AlgoOrderResponse> placeAlgo(AlgoOrderRequest request) {
        return rest.placeAlgoOrder(request);
      }

      @Override
      public OrderPlacement<OrderResponse> resolve(String symbol, String clientOrderId) {
        return rest.resolveOrder(symbol, clientOrderId);
      }

      @Override
      public Optional<OrderResponse> query(String symbol, String clientOrderId) {
        return rest.queryOrder(symbol, clientOrderId);
      }

      @Override
      public Optional<AlgoOrderResponse> queryAlgo(String clientAlgoId) {
        return rest.queryAlgoOrder(clientAlgoId);
      }

      @Override
      public OrderResponse cancel(String symbol, String clientOrderId) {
        return rest.cancelOrder(symbol, clientOrderId);
      }

      @Override
      public AlgoOrderResponse cancelAlgo(String clientAlgoId) {
        return rest.cancelAlgoOrder(clientAlgoId);
      }

      @Override
      public List<UserTrade> trades(String symbol, long orderId) {
        return rest.userTrades(symbol, orderId);
      }
    };
  }
}
