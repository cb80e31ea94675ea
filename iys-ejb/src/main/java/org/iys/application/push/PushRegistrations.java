package org.iys.application.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iys.domain.consent.ConsentType;
import org.iys.domain.error.DomainException;
import org.iys.domain.error.ErrorCode;
import org.iys.domain.error.Violation;
import org.iys.infrastructure.persistence.JdbcPushRepository;
import org.iys.infrastructure.persistence.JdbcPushRepository.Listed;
import org.iys.infrastructure.persistence.JdbcPushRepository.Registration;

/**
 * A brand's push connections: the addresses that receive the movements recipients make through the
 * registry (IYS sources), one connection per address and consent type, at most two live ones per
 * type.
 *
 * <p>A connection is made only when the address proves it can take deliveries: it must refuse a
 * request without credentials (401 or 403), accept the sample payload with them, and answer within
 * 5 seconds. A connection that fails these checks is still listed, as failed, so the business sees
 * what happened.
 */
@ApplicationScoped
public class PushRegistrations {

  /** Live connections allowed per brand and consent type. */
  public static final int MAX_PER_TYPE = 2;

  // The stored columns' limits; the sealed password needs about 1.4 KB for 255 characters.
  private static final int MAX_URL = 2000;
  private static final int MAX_CREDENTIAL = 255;

  private static final System.Logger LOG = System.getLogger(PushRegistrations.class.getName());

  @Inject private JdbcPushRepository repository;

  @Inject private WebhookClient webhooks;

  @Inject private PushCredentials credentials;

  /** One connection as a request names it; fields may be missing until {@link #validate}. */
  public record Connection(String url, String type, String username, String password) {}

  /**
   * Validates every connection first (index = position in the list), then connects them in order.
   *
   * @throws DomainException H111/H117/H531/H093 for fields, H191 for a timeout, H530 when the
   *     address refused or the type already has two connections
   */
  public void register(int iysCode, int brandCode, List<Connection> connections) {
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < connections.size(); i++) {
      for (Violation v : validate(connections.get(i))) {
        violations.add(connections.size() > 1 ? v.atIndex(i) : v);
      }
    }
    if (!violations.isEmpty()) {
      throw new DomainException(violations);
    }

    for (Connection connection : connections) {
      connect(iysCode, brandCode, connection);
    }
  }

  public List<Listed> list(int brandCode) {
    return repository.list(brandCode);
  }

  /**
   * Removes the one connection matching address, type and credentials exactly.
   *
   * @throws DomainException H530 when no live connection matches
   */
  public void unregister(int iysCode, int brandCode, Connection connection) {
    List<Violation> violations = validate(connection);
    if (!violations.isEmpty()) {
      throw new DomainException(violations);
    }
    String type = connection.type().toUpperCase(Locale.ROOT);
    boolean removed = false;
    for (JdbcPushRepository.Sealed stored :
        repository.connectedWithUsername(
            brandCode, type, connection.url(), connection.username())) {
      if (matches(connection.password(), opened(stored)) && repository.remove(stored.id()) > 0) {
        removed = true;
        break;
      }
    }
    if (!removed) {
      throw new DomainException(
          Violation.of(ErrorCode.H530)
              .withMessage("No connection with this url, type and credentials to remove."));
    }
    LOG.log(
        System.Logger.Level.INFO,
        "removed a {0} push connection of brand {1}",
        connection.type(),
        brandCode);
  }

  private void connect(int iysCode, int brandCode, Connection connection) {
    Registration registration = registration(iysCode, brandCode, connection);
    if (repository.refreshCredentials(registration) > 0) {
      return;
    }
    if (repository.countConnected(brandCode, registration.type()) >= MAX_PER_TYPE) {
      throw new DomainException(
          Violation.of(ErrorCode.H530)
              .withMessage(
                  "A brand may keep at most "
                      + MAX_PER_TYPE
                      + " connections per type; remove one first."));
    }

    String sample = PushPayload.sample(iysCode, brandCode, registration.type());
    WebhookClient.Outcome open = webhooks.post(connection.url(), null, null, sample);
    Violation refusal = null;
    if (open.timedOut()) {
      refusal = Violation.of(ErrorCode.H191);
    } else if (!open.demandedCredentials()) {
      refusal =
          Violation.of(ErrorCode.H530)
              .withMessage("The address must refuse requests without Basic authentication.");
    } else {
      WebhookClient.Outcome sent =
          webhooks.post(connection.url(), connection.username(), connection.password(), sample);
      if (sent.timedOut()) {
        refusal = Violation.of(ErrorCode.H191);
      } else if (!sent.succeeded()) {
        refusal =
            Violation.of(ErrorCode.H530)
                .withMessage(
                    "The address did not accept the sample delivery: " + sent.note() + ".");
      }
    }

    repository.insert(
        registration, refusal == null ? JdbcPushRepository.CONNECTED : JdbcPushRepository.FAILED);
    if (refusal != null) {
      throw new DomainException(refusal);
    }
    LOG.log(
        System.Logger.Level.INFO,
        "connected a {0} push address for brand {1}",
        registration.type(),
        brandCode);
  }

  private List<Violation> validate(Connection connection) {
    List<Violation> violations = new ArrayList<>();
    if (connection.url() == null || connection.url().isBlank()) {
      violations.add(Violation.of(ErrorCode.H531, "url", null));
    } else if (connection.url().length() > MAX_URL || !webhooks.acceptsScheme(connection.url())) {
      violations.add(Violation.of(ErrorCode.H531, "url", connection.url()));
    }
    if (connection.type() == null) {
      violations.add(Violation.of(ErrorCode.H111, "type", null));
    } else if (!isType(connection.type())) {
      violations.add(Violation.of(ErrorCode.H117, "type", connection.type()));
    }
    if (connection.username() == null || connection.username().isEmpty()) {
      violations.add(
          Violation.of(ErrorCode.H093, "username", null)
              .withMessage("The username of the connection is required."));
    } else if (connection.username().length() > MAX_CREDENTIAL) {
      violations.add(
          Violation.of(ErrorCode.H093, "username", null)
              .withMessage("The username may be at most " + MAX_CREDENTIAL + " characters long."));
    }
    if (connection.password() == null || connection.password().isEmpty()) {
      violations.add(
          Violation.of(ErrorCode.H093, "password", null)
              .withMessage("The password of the connection is required."));
    } else if (connection.password().length() > MAX_CREDENTIAL) {
      violations.add(
          Violation.of(ErrorCode.H093, "password", null)
              .withMessage("The password may be at most " + MAX_CREDENTIAL + " characters long."));
    }
    return violations;
  }

  private static boolean isType(String text) {
    for (ConsentType type : ConsentType.values()) {
      if (type.name().equals(text)) {
        return true;
      }
    }
    return false;
  }

  private Registration registration(int iysCode, int brandCode, Connection connection) {
    return new Registration(
        iysCode,
        brandCode,
        connection.type().toUpperCase(Locale.ROOT),
        connection.url(),
        connection.username(),
        credentials.seal(connection.password()));
  }

  // A value that does not open (its key is gone) matches nothing; delivery reports it in the log.
  private String opened(JdbcPushRepository.Sealed stored) {
    try {
      return credentials.open(stored.password());
    } catch (IllegalStateException unreadable) {
      return null;
    }
  }

  // Constant time, so the answer's timing does not tell how much of a guess was right.
  private static boolean matches(String given, String stored) {
    return stored != null
        && MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
  }
}
