package org.iys.application.business;

import jakarta.persistence.EntityManager;

/** Draws iysCodes and brand codes from the database sequence they share. */
final class Codes {

  private Codes() {}

  static int next(EntityManager em) {
    Number next = (Number) em.createNativeQuery("SELECT NEXTVAL(party_code)").getSingleResult();
    return next.intValue();
  }
}
