package dev.challengesuite.common.bus;

/** Maps a user to the player partition that owns all of that user's state in this JVM. */
public final class Partitions {

  private Partitions() {}

  public static int of(String userId, int partitions) {
    return Math.floorMod(userId.hashCode() * 0x9E3779B9, partitions);
  }
}
