package org.iys.domain.complaint;

import java.util.List;

/** A verdict with its ground and the transaction ids of the movements it relied on. */
public record Judgement(Ground ground, List<String> evidence) {

  public Judgement {
    evidence = List.copyOf(evidence);
  }

  public static Judgement invalid(Ground ground) {
    return new Judgement(ground, List.of());
  }

  public Verdict verdict() {
    return ground.verdict();
  }
}
