package dev.challengesuite.http.render;

import dev.challengesuite.common.progress.RotationStatus;
import io.vertx.core.buffer.Buffer;

/**
 * Body of {@code GET /v1/challenges/{challengeId}/rotation} (reference §2.10): periods are null and
 * {@code type}/{@code schedule} empty for a challenge that does not rotate.
 */
public final class RotationRenderer {

  private RotationRenderer() {}

  public static Buffer render(RotationStatus status) {
    StringBuilder out = new StringBuilder(320);
    out.append("{\"challengeId\":");
    JsonText.appendQuoted(out, status.challengeId());
    out.append(",\"rotation\":{\"enabled\":").append(status.enabled());
    out.append(",\"type\":\"").append(status.enabled() ? "global" : "");
    out.append("\",\"schedule\":\"").append(status.enabled() ? status.schedule().wire() : "");
    out.append("\",\"currentPeriod\":");
    appendPeriod(out, status.current());
    out.append(",\"nextPeriod\":");
    appendPeriod(out, status.next());
    out.append("}}");
    return Buffer.buffer(out.toString());
  }

  private static void appendPeriod(StringBuilder out, RotationStatus.Period period) {
    if (period == null) {
      out.append("null");
      return;
    }
    out.append("{\"startTime\":\"").append(ByteWriter.formatTimestamp(period.start()));
    out.append("\",\"endTime\":\"").append(ByteWriter.formatTimestamp(period.end()));
    out.append("\",\"expiresInSeconds\":").append(period.expiresInSeconds()).append('}');
  }
}
