package dev.challengesuite.http.render;

import dev.challengesuite.common.catalog.Requirement;
import dev.challengesuite.common.catalog.Reward;

/** JSON of the catalog parts that every response shows the same way (rendered at startup). */
final class CatalogJson {

  private CatalogJson() {}

  /** {@code {"statCode":..,"operator":..,"targetValue":..}}: {@code progressMode} stays private. */
  static void appendRequirement(StringBuilder out, Requirement requirement) {
    out.append("{\"statCode\":");
    JsonText.appendQuoted(out, requirement.statCode());
    out.append(",\"operator\":");
    JsonText.appendQuoted(out, requirement.operator());
    out.append(",\"targetValue\":").append(requirement.targetValue()).append('}');
  }

  /** {@code {"type":..,"rewardId":..,"quantity":..}}. */
  static void appendReward(StringBuilder out, Reward reward) {
    out.append("{\"type\":");
    JsonText.appendQuoted(out, reward.type() == null ? "" : reward.type().name());
    out.append(",\"rewardId\":");
    JsonText.appendQuoted(out, reward.rewardId());
    out.append(",\"quantity\":").append(reward.quantity()).append('}');
  }

  static boolean isEmpty(String text) {
    return text == null || text.isEmpty();
  }
}
