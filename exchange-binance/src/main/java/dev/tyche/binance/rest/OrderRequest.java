package dev.tyche.binance.rest;

/**
 * A request to place an order: a plain order for {@code POST /fapi/v1/order} or a conditional one
 * for {@code POST /fapi/v1/algoOrder}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface OrderRequest permits NewOrderRequest, AlgoOrderRequest {

  /**
   * The symbol.
   *
   * @return e.g. {@code BTCUSDT}
   */
  String symbol();

  /**
   * The client's id ({@code newClientOrderId} or {@code clientAlgoId}); always set, so that an
   * order with an unknown outcome can be looked up.
   *
   * @return the id
   */
  String clientId();

  /**
   * The parameters as sent, without {@code timestamp}, {@code recvWindow} and {@code signature}.
   *
   * @return the parameters
   */
  Params toParams();
}
