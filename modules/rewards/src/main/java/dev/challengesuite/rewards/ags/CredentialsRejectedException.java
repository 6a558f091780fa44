package dev.challengesuite.rewards.ags;

/** IAM refused the service's client credentials: a configuration error, not worth a retry. */
final class CredentialsRejectedException extends RuntimeException {

  private final int status;

  CredentialsRejectedException(int status) {
    super("IAM rejected the client credentials (HTTP " + status + ")", null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
