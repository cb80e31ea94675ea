package org.iys.application.access;

/**
 * A token request that OAuth2 refuses. It travels in OAuth's own error shape ({@code error}, {@code
 * error_description}), not in the İYS envelope, because OAuth client libraries parse it.
 */
public class TokenRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public static final String INVALID_REQUEST = "invalid_request";
  public static final String INVALID_GRANT = "invalid_grant";

  private final String error;

  public TokenRefusal(String error, String description) {
    super(description);
    this.error = error;
  }

  public String error() {
    return error;
  }

  public String description() {
    return getMessage();
  }
}
