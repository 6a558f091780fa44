package dev.challengesuite.events;

import dev.challengesuite.common.player.PlayerEvent;

/** What to do with a valid incoming event: apply it to its player, or acknowledge and skip it. */
public sealed interface EventDecision permits EventDecision.Apply, EventDecision.Skip {

  /** The event type for metrics: "login" or "statistic". */
  String type();

  record Apply(String type, PlayerEvent event) implements EventDecision {}

  /** Acknowledged without effect; {@code reason} is a metric label. */
  record Skip(String type, String reason) implements EventDecision {}
}
