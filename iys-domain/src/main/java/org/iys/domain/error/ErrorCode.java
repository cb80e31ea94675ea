package org.iys.domain.error;

/**
 * The catalogue of error codes iys answers with, each with the HTTP status it travels under.
 *
 * <p>Codes starting with {@code H} are the national registry's codes: businesses' integrations
 * already branch on them, so their numbers and statuses follow the reference specification exactly.
 * The messages are ours. Codes starting with {@code IYS} are iys's own, for rules the reference has
 * no code for; they never reuse an {@code H} number, and a retired code is never given a new
 * meaning.
 */
public enum ErrorCode {
  H014(400, "The request body must be well-formed JSON of the documented shape."),
  H085(400, "The consent request could not be understood."),
  H091(422, "A bulk request may carry at most 1000 consents."),
  H092(400, "The bulk consent request must be a non-empty list of consent objects."),
  H093(422, "The username and password of the connection are required."),
  H110(422, "The status field is required."),
  H111(422, "The type field is required."),
  H112(422, "The consentDate field is required."),
  H113(422, "The source field is required."),
  H114(422, "The recipient field is required."),
  H115(422, "The status must be ONAY or RET."),
  H116(422, "The recipientType must be BIREYSEL or TACIR."),
  H117(422, "The type must be MESAJ, ARAMA or EPOSTA."),
  H118(
      422,
      "This field is not part of a consent. Allowed fields: recipient, type, recipientType,"
          + " status, source, consentDate, retailerCode, retailerAccess, evidenceReference."),
  H119(
      422,
      "The source must be one of the business sources (HS_...); IYS_... sources are set only by"
          + " the registry."),
  H120(422, "The recipient must be a valid e-mail address."),
  H121(
      422,
      "The recipient must be a valid phone number in E.164 form: a plus sign, the country code"
          + " and the number, e.g. +905321234567."),
  H122(422, "The recipient must be either an E.164 phone number or a valid e-mail address."),
  H126(422, "The retailerAccess list may name at most 100 retailers."),
  H155(422, "A consent with source HS_2015 must carry the consentDate 2015-05-01 00:00:00."),
  H156(422, "A consentDate before 2015-05-01 00:00:00 is not accepted."),
  H157(422, "The consentDate is not a real calendar date and time."),
  H158(422, "The consentDate must be written exactly as yyyy-MM-dd HH:mm:ss."),
  H160(422, "A phone number may be at most 15 characters long."),
  H162(422, "The consentDate may not be later than the registry's current time."),
  H163(422, "The retailerAccess list may not be empty; omit it instead."),
  H174(400, "The consent is already in the requested status; send the other status to change it."),
  H175(400, "A consent is first recorded with ONAY; a RET cannot be the first record."),
  H178(
      400,
      "The consentDate is earlier than the date of the consent already recorded; a consent can"
          + " only move forward in time."),
  H180(403, "No retailer with this retailerCode belongs to the brand."),
  H191(422, "The connection address did not answer within 5 seconds."),
  H194(
      422,
      "The list already holds a consent for the same recipientType, type and recipient; each of"
          + " them may appear only once per list."),
  H267(400, "The retailerCode may not be an empty string; omit it instead."),
  H408(422, "A consent with source HS_KARAR must have the status RET."),
  H530(422, "The connection could not be made or removed."),
  H531(422, "The connection address (url) must start with https."),
  H462(400, "Every TACIR consent after the first one must carry a consentDate."),
  H463(400, "Every TACIR consent after the first one must carry a source."),
  H464(422, "The recipient does not fit the consent type: MESAJ and ARAMA take a phone number."),
  H467(
      422,
      "The consent was given more than 3 business days ago; it had to be registered within that"
          + " time."),

  /**
   * The recipient rejected this brand through the registry itself; only a new consent backed by
   * evidence (for example a signed form's reference) may turn that rejection back into ONAY.
   */
  IYS001(
      400,
      "The recipient rejected this brand through the registry. A new ONAY needs an"
          + " evidenceReference that identifies the proof of the new consent."),

  /** The evidence reference is free text for the business, but bounded and printable. */
  IYS002(
      422,
      "The evidenceReference must be 1 to 100 printable characters without leading or trailing"
          + " spaces."),

  /** A sending check answers for a bounded list, so one request cannot hold a node for long. */
  IYS040(422, "A sending check may name at most 100000 recipients; split the list.");

  private final int httpStatus;
  private final String message;

  ErrorCode(int httpStatus, String message) {
    this.httpStatus = httpStatus;
    this.message = message;
  }

  /** The code as it appears on the wire, e.g. {@code H121}. */
  public String code() {
    return name();
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The default message; a violation may carry a more specific one. */
  public String message() {
    return message;
  }
}
