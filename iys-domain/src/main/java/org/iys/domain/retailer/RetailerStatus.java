package org.iys.domain.retailer;

import java.util.Arrays;
import java.util.Optional;

/** Whether a retailer is working for the brand; the wire spells the values in lower case. */
public enum RetailerStatus {
  ACTIVE("active"),
  SUSPENDED("suspended"),
  PASSIVE("passive");

  private final String wire;

  RetailerStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<RetailerStatus> fromWire(Object value) {
    return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
  }
}
