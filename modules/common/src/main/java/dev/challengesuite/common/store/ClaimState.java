package dev.challengesuite.common.store;

/**
 * Where one claim of one (player, goal, rotation period) stands; the {@code reward_claim} row's
 * {@code state}. Only two transitions may lead to a grant being sent: the row's insert and {@code
 * FAILED → PENDING}. {@code GRANTED} is final.
 *
 * <pre>
 *   (insert) ──▶ PENDING ──granted / settled──▶ GRANTED
 *                  │  ▲
 *      certainly   │  │ retried claim
 *      not granted ▼  │
 *                 FAILED
 * </pre>
 */
public enum ClaimState {
  /** A grant was (or is about to be) sent and its outcome is not recorded yet. */
  PENDING("pending"),
  /** The reward was granted, or is taken as granted (see {@link ClaimRecord#verified()}). */
  GRANTED("granted"),
  /** The grant certainly failed: nothing was granted, a later claim may send it again. */
  FAILED("failed");

  private final String wire;

  ClaimState(String wire) {
    this.wire = wire;
  }

  /** The value stored in the database. */
  public String wire() {
    return wire;
  }

  public static ClaimState fromWire(String value) {
    for (ClaimState state : values()) {
      if (state.wire.equals(value)) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown claim state: " + value);
  }
}
