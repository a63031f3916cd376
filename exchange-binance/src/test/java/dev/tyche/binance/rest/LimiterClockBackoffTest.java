package dev.tyche.binance.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.binance.dto.RateLimit;
import dev.tyche.binance.error.BinanceException;
import dev.tyche.binance.error.ErrorKind;
import dev.tyche.binance.fake.ManualClock;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LimiterClockBackoffTest {

  @Test
  void weightBudgetBlocksUntilTheNextMinute() {
    ManualClock clock = new ManualClock(120_000 + 30_000);
    RateLimiter l = new RateLimiter(clock, clock.sleeper(), 60_000);
    l.setLimits(10, 300, 1200);
    l.acquire(6, 0);
    assertThat(l.usedWeight()).isEqualTo(6);
    l.acquire(6, 0); // 12 > 10: waits until 180 000
    assertThat(clock.currentTimeMillis()).isEqualTo(180_000);
    assertThat(l.usedWeight()).isEqualTo(6);
  }

  @Test
  void longWaitsFailFastAndOversizedRequestsAreRefused() {
    ManualClock clock = new ManualClock(0);
    RateLimiter l = new RateLimiter(clock, clock.sleeper(), 1_000);
    l.setLimits(10, 2, 1200);
    l.acquire(10, 0);
    assertThatThrownBy(() -> l.acquire(1, 0))
        .isInstanceOf(BinanceException.class)
        .satisfies(
            e -> {
              assertThat(((BinanceException) e).kind()).isEqualTo(ErrorKind.RATE_LIMITED);
              assertThat(((BinanceException) e).retryAfterMillis()).hasValue(60_000L);
            });
    assertThat(clock.currentTimeMillis()).isZero();
    assertThatThrownBy(() -> l.acquire(11, 0)).hasMessageContaining("exceeds the whole budget");
    assertThatThrownBy(() -> l.acquire(0, 3)).hasMessageContaining("order budget");
    assertThatThrownBy(() -> l.acquire(-1, 0)).hasMessageContaining(">= 0");
    assertThatThrownBy(() -> l.setLimits(0, 1, 1)).hasMessageContaining(">= 1");
  }

  @Test
  void orderCountsPerTenSecondsAndHeadersCorrectTheCount() {
    ManualClock clock = new ManualClock(1_000);
    RateLimiter l = new RateLimiter(clock, clock.sleeper(), 60_000);
    l.apply(
        List.of(
            new RateLimit("REQUEST_WEIGHT", "MINUTE", 1, 100),
            new RateLimit("ORDERS", "SECOND", 10, 2),
            new RateLimit("ORDERS", "MINUTE", 1, 50),
            new RateLimit("RAW_REQUESTS", "DAY", 1, 5)));
    assertThat(l.weightLimit()).isEqualTo(100);
    l.acquire(0, 1);
    l.onHeaders(70, 2, 2); // the server counted more than we did
    assertThat(l.usedWeight()).isEqualTo(70);
    l.acquire(0, 1); // 10 s window full: waits until 10 000
    assertThat(clock.currentTimeMillis()).isEqualTo(10_000);
    l.onHeaders(-1, -1, -1);
    assertThat(l.usedWeight()).isEqualTo(70);
  }

  @Test
  void tooManyRequestsWaitsForRetryAfterAndBanOpensTheCircuit() {
    ManualClock clock = new ManualClock(5_000);
    RateLimiter l = new RateLimiter(clock, clock.sleeper(), 200_000);
    assertThat(l.onRateLimited(2_000)).isEqualTo(7_000);
    l.acquire(1, 0);
    assertThat(clock.currentTimeMillis()).isEqualTo(7_000);
    assertThat(l.onRateLimited(-1)).isEqualTo(60_000);
    assertThat(l.onBanned(-1)).isEqualTo(127_000);
    assertThat(l.isBanned()).isTrue();
    assertThatThrownBy(() -> l.acquire(1, 0))
        .satisfies(e -> assertThat(((BinanceException) e).kind()).isEqualTo(ErrorKind.IP_BANNED));
    clock.advance(120_000);
    assertThat(l.isBanned()).isFalse();
    l.acquire(1, 0);
  }

  @Test
  void interruptedWaitIsReported() {
    ManualClock clock = new ManualClock(0);
    RateLimiter l =
        new RateLimiter(
            clock,
            ms -> {
              throw new InterruptedException("stop");
            },
            60_000);
    l.setLimits(1, 1, 1);
    l.acquire(1, 0);
    assertThatThrownBy(() -> l.acquire(1, 0)).hasMessageContaining("interrupted");
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void serverClockUsesTheMidpointOfTheRoundTrip() {
    ManualClock clock = new ManualClock(1_000);
    ServerClock s = new ServerClock(clock, 60_000);
    assertThat(s.isStale()).isTrue();
    assertThat(s.lastRoundTripMillis()).isEqualTo(-1);
    s.update(2_000 + 500, 1_000, 1_200); // midpoint 1 100 -> offset 1 400
    assertThat(s.offsetMillis()).isEqualTo(1_400);
    assertThat(s.currentTimeMillis()).isEqualTo(2_400);
    assertThat(s.lastRoundTripMillis()).isEqualTo(200);
    assertThat(s.isStale()).isFalse();
    clock.advance(60_000); // measured at 1 200, now 61 000: 59 800 ms old
    assertThat(s.isStale()).isFalse();
    clock.advance(201);
    assertThat(s.isStale()).isTrue();
    s.update(0, 61_000, 61_000);
    s.invalidate();
    assertThat(s.isStale()).isTrue();
    assertThatThrownBy(() -> s.update(0, 10, 9)).hasMessageContaining("receivedAt");
    assertThatThrownBy(() -> new ServerClock(clock, 0)).hasMessageContaining("maxAgeMillis");
    assertThat(s.toString()).contains("offset");
  }

  @Property(tries = 200)
  void backoffStaysWithinEqualJitterBounds(
      @ForAll @IntRange(min = 0, max = 60) int attempt, @ForAll @LongRange(min = 1) long seed) {
    Backoff b = new Backoff(100, 5_000, seed);
    long d = Math.min(5_000, 100L << Math.min(attempt, 40));
    long delay = b.delayMillis(attempt);
    assertThat(delay).isBetween(d / 2, d);
  }

  @Test
  void backoffIsReproducibleFromItsSeedAndValidatesInput() {
    Backoff a = new Backoff(100, 5_000, 7);
    Backoff b = new Backoff(100, 5_000, 7);
    for (int i = 0; i < 10; i++) {
      assertThat(a.delayMillis(i)).isEqualTo(b.delayMillis(i));
    }
    assertThatThrownBy(() -> new Backoff(0, 1, 1)).hasMessageContaining("baseMillis");
    assertThatThrownBy(() -> a.delayMillis(-1)).hasMessageContaining("attempt");
  }
}
