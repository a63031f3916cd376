package dev.tyche.binance.dto;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of {@code POST /fapi/v1/batchOrders}' reply, in the order of the request: either an
 * order or an error {@code {code,msg}}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param order the placed order, if this element succeeded
 * @param error the error, if it failed
 */
public record BatchOrderResult(Optional<OrderResponse> order, Optional<CodeMessage> error) {
  // Exactly one of the two is present.
  public BatchOrderResult {
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(error, "error");
    if (order.isPresent() == error.isPresent()) {
      throw new IllegalArgumentException("exactly one of order and error must be present");
    }
  }

  /**
   * Reads one element.
   *
   * @param node the element
   * @return the result
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static BatchOrderResult fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("batch order element must be an object");
    }
    if (node.has("code") && !node.has("orderId")) {
      return new BatchOrderResult(
          Optional.empty(), Optional.of(BinanceJson.convert(node, CodeMessage.class)));
    }
    return new BatchOrderResult(
        Optional.of(BinanceJson.convert(node, OrderResponse.class)), Optional.empty());
  }
}
