package dev.challengesuite.cache.catalog;

/**
 * The catalog file cannot be used. The message is one line: the file, then the entry and the
 * rule, e.g. {@code conf/challenges.json: invalid goal 'kill-10' in challenge 'winter': duplicate
 * goal ID: kill-10}. Thrown at startup only; it never reaches a client.
 */
public final class CatalogException extends RuntimeException {

  private final String file;
  private final String problem;

  public CatalogException(String file, String problem) {
    this(file, problem, null);
  }

  public CatalogException(String file, String problem, Throwable cause) {
    super(file + ": " + oneLine(problem), cause);
    this.file = file;
    this.problem = oneLine(problem);
  }

  /** The catalog file as it was named to the loader. */
  public String file() {
    return file;
  }

  /** The message without the file: the entry and the rule. */
  public String problem() {
    return problem;
  }

  // Ids and parser messages may carry line breaks; a startup error must stay on one line.
  private static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
