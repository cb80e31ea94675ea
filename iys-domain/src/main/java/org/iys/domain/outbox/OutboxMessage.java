package org.iys.domain.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message to a person (an SMS or an e-mail), written in the same transaction as the change it
 * reports and sent later by a dispatcher. A rolled-back change therefore never notifies anyone, and
 * a committed one always does, once.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "channel", nullable = false, updatable = false, length = 8)
  private OutboxChannel channel;

  @Column(name = "recipient", nullable = false, updatable = false, length = 265)
  private String recipient;

  @Column(name = "text", nullable = false, updatable = false, length = 1000)
  private String text;

  @Column(name = "created", nullable = false, updatable = false)
  private Instant created;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected OutboxMessage() {}

  public OutboxMessage(OutboxChannel channel, String recipient, String text, Instant now) {
    this.channel = channel;
    this.recipient = recipient;
    this.text = text;
    this.created = now;
  }

  public void sent(Instant now) {
    this.sentAt = now;
  }

  public Long id() {
    return id;
  }

  public OutboxChannel channel() {
    return channel;
  }

  /** The address: personal data, never to be logged. */
  public String recipient() {
    return recipient;
  }

  public String text() {
    return text;
  }

  public Instant created() {
    return created;
  }

  public Instant sentAt() {
    return sentAt;
  }
}
