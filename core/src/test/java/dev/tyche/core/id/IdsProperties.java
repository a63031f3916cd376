package dev.tyche.core.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The hand-written character checks accept exactly what the documented patterns accept. */
class IdsProperties {

  /** Characters around every boundary of the four sets, plus a few beyond ASCII. */
  @Provide
  Arbitrary<String> candidates() {
    return Arbitraries.strings()
        .withCharRange((char) 0, (char) 0x90)
        .withChars('\u00e9', '\u0130', '\u212a', '\uff21', '\ud83d', '\ude00')
        .ofMinLength(0)
        .ofMaxLength(70);
  }

  @Property(tries = 3000)
  void agreesWithThePattern(
      @ForAll("candidates") String value, @ForAll @IntRange(min = 0, max = 3) int which) {
    Ids ids = Ids.values()[which];
    assertThat(ids.matches(value))
        .as("%s on '%s'", ids, value)
        .isEqualTo(Pattern.compile(ids.pattern()).matcher(value).matches());
  }

  @Property(tries = 1000)
  void agreesOnAllowedCharactersOfEveryLength(
      @ForAll @IntRange(min = 0, max = 70) int length,
      @ForAll @IntRange(min = 0, max = 3) int which) {
    Ids ids = Ids.values()[which];
    String value = "A".repeat(length);
    assertThat(ids.matches(value))
        .isEqualTo(Pattern.compile(ids.pattern()).matcher(value).matches());
  }

  @Test
  void everySingleCharacterOfTheBasicPlaneIsClassifiedLikeThePattern() {
    for (Ids ids : Ids.values()) {
      Pattern p = Pattern.compile(ids.pattern());
      for (int c = 0; c <= 0xffff; c++) {
        String value = String.valueOf((char) c);
        assertThat(ids.matches(value))
            .as("%s on U+%04X", ids, c)
            .isEqualTo(p.matcher(value).matches());
      }
    }
  }
}
