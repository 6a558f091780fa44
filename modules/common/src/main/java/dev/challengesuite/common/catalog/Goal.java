package dev.challengesuite.common.catalog;

import java.util.List;

/**
 * One goal of the catalog. {@code rotation} is null for goals that do not rotate;
 * {@code description} is "" when the file has none; {@code prerequisites} is never null.
 */
public record Goal(
    String id,
    String name,
    String description,
    String challengeId,
    EventSource eventSource,
    boolean defaultAssigned,
    Requirement requirement,
    Reward reward,
    List<String> prerequisites,
    Rotation rotation) {

  public Goal {
    prerequisites = List.copyOf(prerequisites);
  }

  public boolean rotates() {
    return rotation != null;
  }

  public boolean hasPrerequisites() {
    return !prerequisites.isEmpty();
  }
}
