package dev.challengesuite.http.render;

import dev.challengesuite.common.player.ClaimOutcome;
import io.vertx.core.buffer.Buffer;

/**
 * The claim route's body (reference §2.7): {@code {"goalId","status":"claimed","reward":{"type",
 * "rewardId","quantity"},"claimedAt"}}; {@code claimedAt} is when the claim was recorded.
 */
public final class ClaimRenderer {

  public Buffer claimed(ClaimOutcome outcome) {
    StringBuilder out = new StringBuilder(160);
    out.append("{\"goalId\":");
    JsonText.appendQuoted(out, outcome.goalId());
    out.append(",\"status\":\"claimed\",\"reward\":");
    CatalogJson.appendReward(out, outcome.reward());
    out.append(",\"claimedAt\":\"").append(ByteWriter.formatTimestamp(outcome.claimedAt())).append("\"}");
    return Buffer.buffer(out.toString());
  }
}
