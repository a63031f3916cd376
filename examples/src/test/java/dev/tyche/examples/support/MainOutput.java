package dev.tyche.examples.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Runs an example's main with System.out captured, and echoes what it printed. */
public final class MainOutput {
  private MainOutput() {}

  /**
   * Runs a main.
   *
   * @param main the main method
   * @return what it printed
   */
  public static synchronized String of(Consumer<String[]> main) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      main.accept(new String[0]);
    } finally {
      System.setOut(original);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    System.out.print(out);
    return out;
  }
}
