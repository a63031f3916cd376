package dev.tyche.binance.dto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.error.ErrorKind;
import java.util.List;
import java.util.Objects;

/**
 * Decodes Binance JSON replies into the DTO records. Unknown fields are ignored (Binance adds
 * fields without notice, reference section 6); missing required fields, wrong types, fractional
 * values for integer fields, out-of-range numbers and non-decimal text in decimal fields fail with
 * a {@link BinanceException} of kind {@link ErrorKind#MALFORMED_RESPONSE} whose message names the
 * field. A reply either decodes completely or not at all.
 *
 * <p>Immutable and thread-safe.
 */
public final class BinanceJson {

  /** The largest reply accepted, in characters; Binance's full exchangeInfo is about 1 MB. */
  public static final int MAX_CHARS = 32 * 1024 * 1024;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // A number where a boolean flag belongs is a malformed reply, not "true". (Numbers are
          // still accepted as text: the exchangeInfo filters are one record whose fields carry
          // numbers for some filter types and decimal strings for others.)
          .withCoercionConfig(
              LogicalType.Boolean,
              c ->
                  c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNumberLength(64).maxNestingDepth(64).build());
  }

  private BinanceJson() {}

  /**
   * The shared mapper (configured as described above), for code that needs trees or writing.
   *
   * @return the mapper; do not reconfigure it
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Decodes one object.
   *
   * @param json the reply body
   * @param type the DTO class
   * @param <T> the DTO type
   * @return the DTO
   * @throws BinanceException of kind {@code MALFORMED_RESPONSE}, naming the field
   */
  public static <T> T decode(String json, Class<T> type) {
    return decode(json, MAPPER.constructType(type), type.getSimpleName());
  }

  /**
   * Decodes a JSON array of DTOs.
   *
   * @param json the reply body
   * @param elementType the DTO class of the elements
   * @param <T> the DTO type
   * @return the DTOs, immutable
   * @throws BinanceException of kind {@code MALFORMED_RESPONSE}, naming the field
   */
  public static <T> List<T> decodeList(String json, Class<T> elementType) {
    JavaType t = MAPPER.getTypeFactory().constructCollectionType(List.class, elementType);
    List<T> list = decode(json, t, "List<" + elementType.getSimpleName() + ">");
    return Dto.list(list, "[]");
  }

  /**
   * Decodes a body whose type is given by a type reference.
   *
   * @param json the reply body
   * @param type the type
   * @param <T> the type
   * @return the value
   */
  public static <T> T decode(String json, TypeReference<T> type) {
    return decode(json, MAPPER.constructType(type), type.getType().getTypeName());
  }

  /**
   * Parses a body into a tree.
   *
   * @param json the reply body
   * @return the tree
   * @throws BinanceException of kind {@code MALFORMED_RESPONSE}
   */
  public static JsonNode tree(String json) {
    return decode(json, MAPPER.constructType(JsonNode.class), "JSON");
  }

  /**
   * Converts an already parsed tree into a DTO.
   *
   * @param node the tree
   * @param type the DTO class
   * @param <T> the DTO type
   * @return the DTO
   */
  public static <T> T convert(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw malformed(type.getSimpleName(), e);
    }
  }

  private static <T> T decode(String json, JavaType type, String what) {
    Objects.requireNonNull(json, "json must not be null");
    if (json.length() > MAX_CHARS) {
      throw new BinanceException(
          ErrorKind.MALFORMED_RESPONSE,
          BinanceException.NO_CODE,
          what + ": reply of " + json.length() + " chars exceeds " + MAX_CHARS);
    }
    try {
      T value = MAPPER.readValue(json, type);
      if (value == null) {
        throw new BinanceException(
            ErrorKind.MALFORMED_RESPONSE, BinanceException.NO_CODE, what + ": reply was null");
      }
      return value;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw malformed(what, e);
    }
  }

  private static BinanceException malformed(String what, Exception e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // Jackson appends the source excerpt after a newline; the first lines name type and field.
    int cut = detail.indexOf("\n at [Source");
    if (cut > 0) {
      detail = detail.substring(0, cut);
    }
    String path =
        e instanceof com.fasterxml.jackson.databind.JsonMappingException
            ? " at " + ((com.fasterxml.jackson.databind.JsonMappingException) e).getPathReference()
            : "";
    return new BinanceException(
        ErrorKind.MALFORMED_RESPONSE,
        BinanceException.NO_CODE,
        0,
        -1,
        "cannot decode " + what + path + ": " + detail,
        e);
  }
}
