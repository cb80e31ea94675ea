package org.iys.domain.outbox;

/** How a message reaches a person. */
public enum OutboxChannel {
  SMS,
  EPOSTA
}
