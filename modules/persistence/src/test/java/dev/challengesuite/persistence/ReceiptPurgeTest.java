package dev.challengesuite.persistence;

import static dev.challengesuite.persistence.Fixtures.T0;
import static dev.challengesuite.persistence.Fixtures.newUserId;
import static dev.challengesuite.persistence.Fixtures.write;
import static dev.challengesuite.persistence.MigratedDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.progress.PlayerStats;
import dev.challengesuite.common.store.PlayerWriteBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Purge counts are global, so this class has its database to itself. */
class ReceiptPurgeTest {

  private static MigratedDatabase db;
  private static PlayerRepository repository;

  @BeforeAll
  static void createDatabase() {
    db = MigratedDatabase.create();
    repository = new PlayerRepository(db.pool);
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  @DisplayName("purge deletes the receipts older than the cut-off, over several chunks")
  void purgesOldReceiptsInChunks() {
    int old = PlayerRepository.PURGE_CHUNK + 7;
    List<String> oldIds = IntStream.range(0, old).mapToObj(i -> "old-" + i).toList();
    String user = newUserId();
    Instant recent = T0.plus(Duration.ofHours(1));
    await(repository.write(new PlayerWriteBatch(List.of(
        write(user, 1, PlayerStats.EMPTY, null, List.of(), oldIds, T0)))));
    await(repository.write(new PlayerWriteBatch(List.of(
        write(user, 2, PlayerStats.EMPTY, null, List.of(), List.of("recent"), recent)))));

    int deleted = await(repository.purgeReceipts(T0.plusSeconds(1)));

    assertThat(deleted).isEqualTo(old);
    assertThat(db.count("SELECT count(*) FROM event_receipt")).isEqualTo(1);
    assertThat(await(repository.purgeReceipts(T0.plusSeconds(1)))).isZero();
  }
}
