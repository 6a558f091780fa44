package dev.challengesuite.common.progress;

/** A goal's status for one player, as the API spells it. */
public enum GoalStatus {
  NOT_STARTED("not_started"),
  IN_PROGRESS("in_progress"),
  COMPLETED("completed"),
  CLAIMED("claimed");

  private final String wire;

  GoalStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static GoalStatus fromWire(String value) {
    for (GoalStatus status : values()) {
      if (status.wire.equals(value)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown goal status: " + value);
  }

  /** Completed or claimed: what a prerequisite must be to unlock its dependants. */
  public boolean isDone() {
    return this == COMPLETED || this == CLAIMED;
  }
}
