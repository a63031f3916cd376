package dev.tyche.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the few places that may use an API the build otherwise forbids (wall-clock time, console
 * output), such as the system clock itself. The forbiddenapis check honours any annotation of this
 * name; {@link #reason()} says why the exception is safe.
 *
 * <p>Immutable and thread-safe.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface SuppressForbidden {
  /**
   * Why the forbidden API is needed here.
   *
   * @return the reason
   */
  String reason();
}
