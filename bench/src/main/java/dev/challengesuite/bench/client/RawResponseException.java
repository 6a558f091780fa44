package dev.challengesuite.bench.client;

/**
 * A response the raw list client cannot frame (no Content-Length, chunked, not HTTP/1.x, ...).
 * Its {@link #label()} is short and stable, for the report's errors-by-status.
 */
public final class RawResponseException extends RuntimeException {

  private final String label;

  RawResponseException(String label, String detail) {
    super(label + ": " + detail, null, false, false);
    this.label = label;
  }

  public String label() {
    return label;
  }
}
