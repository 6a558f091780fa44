package dev.challengesuite.bench.data;

/** The benchmark's players: {@code bench-1} .. {@code bench-N}, ids built once. */
public final class Players {

  private final String[] ids;

  public Players(int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("need at least one player, got " + count);
    }
    ids = new String[count];
    for (int i = 0; i < count; i++) {
      ids[i] = "bench-" + (i + 1);
    }
  }

  public int count() {
    return ids.length;
  }

  /** The player at {@code index} (0-based). */
  public String id(int index) {
    return ids[index];
  }

  /** The index of {@code bench-<n>}, or -1 for any other id. */
  public int indexOf(String userId) {
    if (!userId.startsWith("bench-")) {
      return -1;
    }
    try {
      int index = Integer.parseInt(userId.substring(6)) - 1;
      return index >= 0 && index < ids.length ? index : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
