package org.iys.infrastructure.messaging;

/** Broker coordinates shared by senders and consumers. */
public final class Destinations {

  /** The server-level connection factory created on the Artemis adapter. */
  public static final String CONNECTION_FACTORY = "jms/iys";

  /** The adapter's deployment name: the archive's file name without {@code .rar}. */
  public static final String RESOURCE_ADAPTER = "iys-artemis-rar";

  /** Complaints from the REST front end and from external systems, as JSON text messages. */
  public static final String COMPLAINTS = "iys.complaints";

  /**
   * Slices of accepted bulk consent requests, as text {@code requestId:from:to} (item indexes,
   * {@code to} exclusive).
   */
  public static final String CONSENT_REQUESTS = "iys.consent.requests";

  /**
   * Where the broker moves a complaint message after its last failed delivery: the queue {@code
   * DLQ.iys.complaints} on the shared address {@code DLQ}, named fully qualified ({@code
   * address::queue}) because a plain name would make Artemis create a new, empty address.
   */
  public static final String COMPLAINTS_DEAD_LETTERS = "DLQ::DLQ." + COMPLAINTS;

  /** Set on a replayed message: the id it had on the dead-letter queue. */
  public static final String REPLAY_OF = "iysReplayOf";

  private Destinations() {}
}
