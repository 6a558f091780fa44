package dev.challengesuite.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  @DisplayName("The first bare word is the scenario; flags take the next word as their value")
  void scenarioAndFlags() {
    BenchOptions options = BenchOptions.parse("events-max", "--players", "500", "--steps=100,200");

    assertThat(options.scenario()).isEqualTo("events-max");
    assertThat(options.integer("players", 10_000)).isEqualTo(500);
    assertThat(options.rates("steps", List.of())).containsExactly(100, 200);
  }

  @Test
  @DisplayName("A flag not given falls back to the scenario's default")
  void defaults() {
    BenchOptions options = BenchOptions.parse("mixed");

    assertThat(options.integer("duration", 600)).isEqualTo(600);
    assertThat(options.flag("keep-db")).isFalse();
  }

  @Test
  @DisplayName("A flag without a value is true")
  void bareFlag() {
    assertThat(BenchOptions.parse("list-max", "--all-steps").flag("all-steps")).isTrue();
  }

  @Test
  @DisplayName("An unknown flag stops the run before anything starts")
  void unknownFlag() {
    assertThatThrownBy(() -> BenchOptions.parse("mixed", "--player", "5"))
        .isInstanceOf(BenchOptions.UsageException.class)
        .hasMessageContaining("--player");
  }

  @Test
  @DisplayName("A bad number names the flag and the value")
  void badNumber() {
    BenchOptions options = BenchOptions.parse("mixed", "--players", "many");

    assertThatThrownBy(() -> options.integer("players", 1)).hasMessage("--players must be a whole number (got 'many')");
  }

  @Test
  @DisplayName("Rates must be positive")
  void badRates() {
    BenchOptions options = BenchOptions.parse("events-max", "--steps", "100,0");

    assertThatThrownBy(() -> options.rates("steps", List.of())).isInstanceOf(BenchOptions.UsageException.class);
  }

  @Test
  @DisplayName("Environment pairs are split on commas and the first '='")
  void pairs() {
    BenchOptions options = BenchOptions.parse("mixed", "--server-env", "A=1,B=x=y");

    assertThat(options.pairs("server-env")).containsEntry("A", "1").containsEntry("B", "x=y");
  }

  @Test
  @DisplayName("The command line in the report quotes arguments with spaces")
  void commandLine() {
    BenchOptions options = BenchOptions.parse("outage-test", "--pg-stop-cmd", "pg_ctl stop");

    assertThat(options.commandLine())
        .isEqualTo("java -jar bench/target/challenge-bench.jar outage-test --pg-stop-cmd 'pg_ctl stop'");
  }
}
