package dev.tyche.binance.ws;

import dev.tyche.core.market.MarketEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * One decoded message from a Binance USDⓈ-M market WebSocket: a market event, a reply to a control
 * request, or something this adapter does not map.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface StreamMessage {

  /**
   * A market event with the id it is sequenced and de-duplicated by.
   *
   * <p>Immutable and thread-safe.
   *
   * @param stream the stream name from the combined envelope, e.g. {@code btcusdt@aggTrade}, or the
   *     empty string for a raw (un-enveloped) message
   * @param event the event
   * @param sequence the id that orders this stream's events: the trade id {@code t}, aggregate id
   *     {@code a}, book update id {@code u}, kline open time {@code t} or mark-price event time
   *     {@code E}
   */
  record Market(String stream, MarketEvent event, long sequence) implements StreamMessage {
    // Every field is needed to route and de-duplicate the event.
    public Market {
      Objects.requireNonNull(stream, "stream must not be null");
      Objects.requireNonNull(event, "event must not be null");
    }
  }

  /**
   * A reply to a {@code SUBSCRIBE}/{@code UNSUBSCRIBE}/{@code LIST_SUBSCRIPTIONS} request.
   *
   * <p>Immutable and thread-safe.
   *
   * @param id the request id the reply answers
   * @param errorCode Binance's error code, 0 on success
   * @param error the error message, empty on success
   */
  record ControlReply(long id, int errorCode, Optional<String> error) implements StreamMessage {
    // Absence is Optional.empty(), never null.
    public ControlReply {
      Objects.requireNonNull(error, "error must not be null");
    }

    /**
     * Whether the request succeeded.
     *
     * @return true without an error
     */
    public boolean ok() {
      return error.isEmpty();
    }
  }

  /**
   * A well-formed message this adapter does not turn into a core event (an unfinished kline, an
   * event type it does not know).
   *
   * <p>Immutable and thread-safe.
   *
   * @param stream the stream name, or the empty string
   * @param eventType the {@code e} field, or the empty string
   * @param reason why it is not mapped
   */
  record Ignored(String stream, String eventType, String reason) implements StreamMessage {
    // Diagnostics only; all three are required.
    public Ignored {
      Objects.requireNonNull(stream, "stream must not be null");
      Objects.requireNonNull(eventType, "eventType must not be null");
      Objects.requireNonNull(reason, "reason must not be null");
    }
  }
}
