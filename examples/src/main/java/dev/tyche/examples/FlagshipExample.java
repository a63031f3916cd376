package dev.tyche.examples;

/** Placeholder flagship. */
public final class FlagshipExample {
  private FlagshipExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println("Tyche");
  }
}
