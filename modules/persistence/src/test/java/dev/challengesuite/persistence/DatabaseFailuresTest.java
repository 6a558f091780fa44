package dev.challengesuite.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseFailuresTest {

  @ParameterizedTest(name = "SQLSTATE {0}")
  @ValueSource(strings = {"08006", "28P01", "3D000", "40001", "40P01", "53300", "57P01", "57014"})
  @DisplayName("database errors that mean 'not now' are UNAVAILABLE")
  void transientStatesAreUnavailable(String sqlState) {
    ChallengeException failure = DatabaseFailures.toChallenge(pgError(sqlState));

    assertThat(failure.code()).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(failure.getMessage()).isEqualTo("database unavailable");
  }

  @Test
  @DisplayName("a constraint violation is INTERNAL and its message hides the SQL details")
  void constraintViolationIsInternal() {
    ChallengeException failure = DatabaseFailures.toChallenge(pgError("23514"));

    assertThat(failure.code()).isEqualTo(ErrorCode.INTERNAL);
    assertThat(failure.getMessage()).isEqualTo("Internal server error");
    assertThat(failure.getCause()).hasMessageContaining("player_goal");
  }

  @Test
  @DisplayName("refused connections, closed connections and timeouts are UNAVAILABLE")
  void connectionTroubleIsUnavailable() {
    assertThat(DatabaseFailures.toChallenge(new ConnectException("Connection refused")).code())
        .isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(DatabaseFailures.toChallenge(ClosedConnectionException.INSTANCE).code())
        .isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(DatabaseFailures.toChallenge(new NoStackTraceTimeoutException("timeout")).code())
        .isEqualTo(ErrorCode.UNAVAILABLE);
  }

  @Test
  @DisplayName("a bug in our own code is INTERNAL")
  void programmingErrorIsInternal() {
    assertThat(DatabaseFailures.toChallenge(new NullPointerException()).code())
        .isEqualTo(ErrorCode.INTERNAL);
  }

  private static PgException pgError(String sqlState) {
    return new PgException("new row for relation \"player_goal\" violates check constraint",
        "ERROR", sqlState, null);
  }
}
