package org.iys.domain.consent;

/**
 * How a consent or rejection was obtained. Business sources ({@code HS_*}) are sent by the brand;
 * registry sources ({@code IYS_*}) are set by the registry when the recipient acts through it, and
 * a business may never send one.
 */
public enum ConsentSource {
  /** Consent gathered before 1 May 2015; always dated 2015-05-01 00:00:00. */
  HS_2015,
  /** A rejection imposed by a decision of an authority or a court; always RET. */
  HS_KARAR,
  HS_FIZIKSEL_ORTAM,
  HS_ISLAK_IMZA,
  HS_ETKINLIK,
  HS_ATM,
  HS_EORTAM,
  HS_WEB,
  HS_MOBIL,
  HS_MESAJ,
  HS_EPOSTA,
  HS_CAGRI_MERKEZI,
  HS_SOSYAL_MEDYA,
  /** The recipient answered with an SMS keyword. */
  IYS_KISAMESAJ,
  /** Through the registry's call centre. */
  IYS_CM,
  IYS_WEB,
  /** On the registry's web site, adding the brand to their list for the first time. */
  IYS_WEB_YENI,
  IYS_MOBIL,
  /** The reject link in a consent confirmation e-mail. */
  IYS_EPOSTA,
  /** A carrier reported that the phone line was closed. */
  IYS_AHS_HAT_KAPATMA;

  public boolean isRegistrySource() {
    return name().startsWith("IYS_");
  }

  public boolean isBusinessSource() {
    return !isRegistrySource();
  }
}
