package dev.tyche.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module graph of ARCHITECTURE.md section 1, checked on the compiled classes of every library
 * module: a module names only the modules below it and its allowed third-party libraries, never
 * another module's {@code internal} packages, and holds no mutable static state.
 */
class ArchitectureTest {

  private static final List<String> COMMON =
      List.of("java..", "javax..", "org.slf4j..", "dev.tyche.core..");
  private static final List<String> MATH = List.of("org.apache.commons.math3..", "org.ejml..");

  /** Module package to the packages its classes may depend on, besides its own. */
  private static final Map<String, List<String>> ALLOWED =
      Map.of(
          "core", List.of(),
          "risk", MATH,
          "portfolio", concat(MATH, List.of("dev.tyche.risk..")),
          "strategy", concat(MATH, List.of("dev.tyche.risk..", "dev.tyche.portfolio..")),
          "execution", concat(MATH, List.of("dev.tyche.risk..")),
          "backtest",
              concat(
                  MATH,
                  List.of(
                      "dev.tyche.risk..",
                      "dev.tyche.portfolio..",
                      "dev.tyche.strategy..",
                      "dev.tyche.execution..")),
          "binance",
              List.of(
                  "okhttp3..",
                  "okio..",
                  "kotlin..",
                  "org.java_websocket..",
                  "com.fasterxml.jackson.."));

  private static JavaClasses library;

  @BeforeAll
  static void importLibrary() {
    library =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/examples/"))
            .importPackages("dev.tyche");
  }

  static List<String> modules() {
    return List.copyOf(ALLOWED.keySet());
  }

  @ParameterizedTest
  @MethodSource("modules")
  void moduleDependsOnlyDownward(String module) {
    String[] allowed =
        concat(concat(COMMON, ALLOWED.get(module)), List.of("dev.tyche." + module + ".."))
            .toArray(String[]::new);
    ArchRule rule =
        classes()
            .that()
            .resideInAPackage("dev.tyche." + module + "..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(allowed)
            .allowEmptyShould(true)
            .because("ARCHITECTURE.md section 1: the module graph is a strict DAG");
    rule.check(library);
  }

  @ParameterizedTest
  @MethodSource("modules")
  void internalPackagesStayInsideTheirModule(String module) {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage("dev.tyche." + module + "..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.tyche." + module + "..internal..")
            .allowEmptyShould(true)
            .because("what is not promised to users lives under internal");
    rule.check(library);
  }

  @Test
  void noMutableStaticState() {
    fields()
        .that()
        .areStatic()
        .and()
        .areDeclaredInClassesThat()
        .resideInAPackage("dev.tyche..")
        .should()
        .beFinal()
        .allowEmptyShould(true)
        .because("many engines run in one JVM: no mutable statics (ARCHITECTURE.md section 4)")
        .check(library);
  }

  @Test
  void domainTypesCarryNoSerializationAnnotations() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.tyche.binance..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.fasterxml.jackson..")
        .because("Jackson stays inside exchange-binance")
        .check(library);
  }

  @Test
  void theLibraryWasImported() {
    // Guards the rules above against passing vacuously on an empty import.
    org.assertj.core.api.Assertions.assertThat(
            library.stream().filter(c -> c.getPackageName().startsWith("dev.tyche.core")).count())
        .isGreaterThan(10);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
