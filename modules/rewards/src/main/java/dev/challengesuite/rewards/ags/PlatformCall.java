package dev.challengesuite.rewards.ags;

import dev.challengesuite.common.catalog.Reward;
import dev.challengesuite.common.reward.RewardGrant;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The Platform request for one grant. Bodies carry only fields of the Platform's request models
 * (EntitlementGrant, CreditRequest): the entitlement model has no {@code reason}, so the claim id
 * goes into its {@code metadata}; the wallet credit has a {@code reason}.
 *
 * @param body a {@link JsonArray} or {@link JsonObject}
 */
record PlatformCall(HttpMethod method, String path, Object body) {

  static final String SOURCE = "REWARD";
  static final String ORIGIN = "System";

  /** The body as JSON bytes. */
  Buffer bodyBuffer() {
    return body instanceof JsonArray array ? array.toBuffer() : ((JsonObject) body).toBuffer();
  }

  /** The call for {@code grant}; IllegalArgumentException when the grant cannot be sent as is. */
  static PlatformCall of(RewardGrant grant) {
    Reward reward = grant.reward();
    if (reward.rewardId() == null || reward.rewardId().isBlank()) {
      throw new IllegalArgumentException("reward id is empty");
    }
    if (reward.quantity() < 1) {
      throw new IllegalArgumentException("reward quantity must be positive, got " + reward.quantity());
    }
    String user = "/platform/admin/namespaces/" + PathSegment.encode(grant.namespace())
        + "/users/" + PathSegment.encode(grant.userId());
    return switch (reward.type()) {
      case ITEM -> new PlatformCall(HttpMethod.POST, user + "/entitlements", new JsonArray().add(new JsonObject()
          .put("itemId", reward.rewardId())
          .put("itemNamespace", grant.namespace())
          .put("quantity", reward.quantity())
          .put("source", SOURCE)
          .put("origin", ORIGIN)
          .put("metadata", new JsonObject().put("claimId", grant.claimId()))));
      case WALLET -> new PlatformCall(HttpMethod.PUT,
          user + "/wallets/" + PathSegment.encode(reward.rewardId()) + "/credit", new JsonObject()
          .put("amount", (long) reward.quantity())
          .put("source", SOURCE)
          .put("reason", grant.claimId()));
    };
  }
}
