package dev.challengesuite.common.player;

/**
 * Requests to the player partition that owns {@code userId}. Each partition handles one user's
 * commands one at a time, so the rules never race with themselves.
 */
public sealed interface PlayerCommand
    permits PlayerCommand.Get, PlayerCommand.Initialize, PlayerCommand.Apply {

  String userId();

  /** Reply: the player's committed {@code PlayerProgress}. */
  record Get(String userId) implements PlayerCommand {}

  /** Reply: {@link InitializeOutcome} once the assignment is durable. */
  record Initialize(String userId) implements PlayerCommand {}

  /** Reply: {@code null} once the event's effect is durable. */
  record Apply(PlayerEvent event) implements PlayerCommand {
    @Override
    public String userId() {
      return event.userId();
    }
  }
}
