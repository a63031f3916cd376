package dev.tyche.binance.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BinanceErrorCodesTest {

  /** Every code of the reference's section 5 table, with the handling the table prescribes. */
  private static Map<Integer, ErrorKind> referenceTable() {
    Map<Integer, ErrorKind> m = new LinkedHashMap<>();
    m.put(-1000, ErrorKind.SERVER);
    m.put(-1001, ErrorKind.SERVER);
    m.put(-1003, ErrorKind.RATE_LIMITED);
    m.put(-1006, ErrorKind.UNKNOWN_OUTCOME);
    m.put(-1007, ErrorKind.UNKNOWN_OUTCOME);
    m.put(-1008, ErrorKind.SERVER);
    m.put(-1015, ErrorKind.RATE_LIMITED);
    m.put(-1021, ErrorKind.CLOCK_SKEW);
    m.put(-1022, ErrorKind.AUTH);
    for (int c = -1106; c <= -1100; c++) {
      m.put(c, ErrorKind.INVALID_REQUEST);
    }
    for (int c : new int[] {-1111, -1115, -1116, -1117, -1121, -1125, -1130}) {
      m.put(c, ErrorKind.INVALID_REQUEST);
    }
    for (int c : new int[] {-2010, -2011, -2013}) {
      m.put(c, ErrorKind.ORDER_REJECTED);
    }
    m.put(-2014, ErrorKind.AUTH);
    m.put(-2015, ErrorKind.AUTH);
    for (int c :
        new int[] {
          -2018, -2019, -2020, -2021, -2022, -2023, -2024, -2025, -2027, -2028, -4003, -4004, -4005,
          -4013, -4014, -4016, -4023, -4024, -4116, -4131, -4164, -5021, -5022
        }) {
      m.put(c, ErrorKind.ORDER_REJECTED);
    }
    for (int c : new int[] {-4015, -4028, -4046, -4059, -4061, -4120}) {
      m.put(c, ErrorKind.INVALID_REQUEST);
    }
    m.put(-5028, ErrorKind.CLOCK_SKEW);
    return m;
  }

  @Test
  void everyReferenceCodeIsClassifiedAndDocumented() {
    referenceTable()
        .forEach(
            (code, kind) -> {
              assertThat(BinanceErrorCodes.classify(code)).as("code %d", code).isEqualTo(kind);
              assertThat(BinanceErrorCodes.meaning(code)).as("code %d", code).isPresent();
            });
    int n = 0;
    for (int code : BinanceErrorCodes.documentedCodes()) {
      n++;
      assertThat(code).isNegative();
    }
    assertThat(n).isGreaterThanOrEqualTo(referenceTable().size());
  }

  @Test
  void unknownCodesFallBackByRange() {
    assertThat(BinanceErrorCodes.classify(-1199)).isEqualTo(ErrorKind.INVALID_REQUEST);
    assertThat(BinanceErrorCodes.classify(-4999)).isEqualTo(ErrorKind.ORDER_REJECTED);
    assertThat(BinanceErrorCodes.classify(-9)).isEqualTo(ErrorKind.SERVER);
    assertThat(BinanceErrorCodes.meaning(-9)).isEmpty();
  }

  @Test
  void httpStatusesWinWhereTheyMust() {
    assertThat(BinanceErrorCodes.classify(418, -1003, "")).isEqualTo(ErrorKind.IP_BANNED);
    assertThat(BinanceErrorCodes.classify(429, -1003, "")).isEqualTo(ErrorKind.RATE_LIMITED);
    assertThat(BinanceErrorCodes.classify(400, -2013, "")).isEqualTo(ErrorKind.ORDER_REJECTED);
    assertThat(BinanceErrorCodes.classify(401, 0, "")).isEqualTo(ErrorKind.AUTH);
    assertThat(BinanceErrorCodes.classify(408, 0, "")).isEqualTo(ErrorKind.UNKNOWN_OUTCOME);
    assertThat(
            BinanceErrorCodes.classify(
                503, 0, "Unknown error, please check your request or try again later."))
        .isEqualTo(ErrorKind.UNKNOWN_OUTCOME);
    assertThat(BinanceErrorCodes.classify(503, 0, "Service Unavailable."))
        .isEqualTo(ErrorKind.SERVER);
    assertThat(BinanceErrorCodes.classify(403, 0, null)).isEqualTo(ErrorKind.INVALID_REQUEST);
    assertThat(BinanceErrorCodes.isNoChangeNeeded(-4046)).isTrue();
    assertThat(BinanceErrorCodes.isNoChangeNeeded(-4059)).isTrue();
    assertThat(BinanceErrorCodes.isNoChangeNeeded(-4061)).isFalse();
  }

  @Test
  void exceptionCarriesItsAttributes() {
    BinanceException e =
        new BinanceException(ErrorKind.RATE_LIMITED, -1003, 429, 1000, "GET /x: slow down", null);
    assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
    assertThat(e.code()).isEqualTo(-1003);
    assertThat(e.httpStatus()).isEqualTo(429);
    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfterMillis()).hasValue(1000L);
    assertThat(e.getMessage()).isEqualTo("RATE_LIMITED (code -1003) [HTTP 429]: GET /x: slow down");
    BinanceException plain = new BinanceException(ErrorKind.AUTH, BinanceException.NO_CODE, "m");
    assertThat(plain.getMessage()).isEqualTo("AUTH: m");
    assertThat(plain.retryable()).isFalse();
    assertThat(plain.retryAfterMillis()).isEmpty();
  }
}
