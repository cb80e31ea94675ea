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
  H084(429, "The hourly limit of token requests has been reached; try again later."),

  H014(400, "The request body is not well-formed JSON."),
  H015(500, "An unexpected error occurred; quote the error id when reporting it."),
  H085(400, "The consent request could not be understood."),
  H016(
      400,
      "The retailer could not be read: title, name, tckn, tin, city and town are required, and"
          + " only title, mersis, alias, name, tckn, mobile, tin, city, town and status are"
          + " accepted."),
  H017(400, "The field is longer than it may be."),
  H058(404, "No retailer with this retailerCode belongs to the brand."),

  /**
   * The reference answers a failed retailer delete with this code under 500; iys uses it for the
   * one reason a delete is refused, a retailer still linked to a consent, and answers 400 because
   * it is the caller's state, not a server fault.
   */
  H061(
      400,
      "The retailer is still linked to a consent (as its mediator or with access to it); remove"
          + " its access first."),
  H067(400, "No free 8-digit retailer code could be found; try again."),
  H086(429, "The hourly limit of consent status queries has been reached; try again later."),
  H089(429, "The hourly limit of consent history queries has been reached; try again later."),
  H091(422, "A bulk request may carry at most 1000 consents."),
  H092(400, "The bulk consent request must be a non-empty list of consent objects."),
  H097(400, "The consent query could not be understood."),

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
  H124(429, "The per-second request limit has been reached; try again later."),
  H126(422, "The retailerAccess list may name at most 100 retailers."),
  H127(422, "The recipients list may name at most 100 recipients."),
  H155(422, "A consent with source HS_2015 must carry the consentDate 2015-05-01 00:00:00."),
  H156(422, "A consentDate before 2015-05-01 00:00:00 is not accepted."),
  H157(422, "The consentDate is not a real calendar date and time."),
  H158(422, "The consentDate must be written exactly as yyyy-MM-dd HH:mm:ss."),
  H160(422, "A phone number may be at most 15 characters long."),
  H162(422, "The consentDate may not be later than the registry's current time."),
  H163(422, "The retailerAccess list may not be empty; omit it instead."),
  H164(422, "The recipients list may not be empty."),
  H168(422, "The recipients field is required."),
  H170(422, "The recipientType field is required."),
  H169(422, "The retailerAccess field is required."),
  H090(400, "The retailer access request could not be understood."),
  H171(400, "The retailer access request could not be understood."),
  H172(400, "The retailer access removal request could not be understood."),
  H173(400, "The retailer access query could not be understood."),
  H174(400, "The consent is already in the requested status; send the other status to change it."),
  H175(400, "A consent is first recorded with ONAY; a RET cannot be the first record."),
  H178(
      400,
      "The consentDate is earlier than the date of the consent already recorded; a consent can"
          + " only move forward in time."),
  H182(422, "The limit must be a positive whole number."),
  H183(422, "The offset must be a whole number, zero or more."),
  H186(422, "A page may hold at most 100 records."),
  H187(422, "The limit may not be zero."),
  H180(403, "No retailer with this retailerCode belongs to the brand."),
  H191(422, "The connection address did not answer within 5 seconds."),
  H194(
      422,
      "The list already holds a consent for the same recipientType, type and recipient; each of"
          + " them may appear only once per list."),
  H193(422, "A recipient may appear only once in the recipients list."),
  H198(422, "A requestId is at most 36 characters long."),
  H199(422, "A requestId is never made of letters only."),
  H267(400, "The retailerCode may not be an empty string; omit it instead."),
  H201(400, "The retailer status must be active, suspended or passive."),
  H214(400, "The retailer's title is required."),
  H215(400, "The name of the retailer's representative is required."),
  H216(400, "The identity number (tckn) of the retailer's representative is required."),
  H217(400, "The retailer's city is required."),
  H218(400, "The code of the retailer's city is required."),
  H219(400, "The name of the retailer's city is required."),
  H220(400, "The retailer's town is required."),
  H221(400, "The code of the retailer's town is required."),
  H222(400, "The name of the retailer's town is required."),
  H224(400, "The mobile number must be a valid phone number in E.164 form, e.g. +905321234567."),
  H225(400, "The identity number (tckn) is not valid."),
  H226(400, "The identity number (tckn) must be 11 digits."),
  H227(400, "The MERSIS number may hold digits only."),
  H228(400, "The MERSIS number must be 16 digits."),
  H230(400, "Another retailer of the brand already has this MERSIS number."),
  H231(400, "Another retailer of the brand already has this identity number (tckn)."),
  H243(400, "The tin must be a valid tax number (VKN) or identity number (TCKN)."),
  H244(400, "The tin must be 10 or 11 digits."),
  H288(400, "The tin is required."),
  H351(401, "The access token is missing, invalid or expired."),
  H353(403, "The requested resource does not match the permissions of the caller."),

  H400(422, "A requestId is never made of digits only."),
  H401(400, "No consent with this recipient, recipientType and type is recorded for the brand."),
  H437(404, "No subscription is recorded for this iysCode."),
  H521(403, "The subscription is closed; the API cannot be used."),
  H520(403, "The subscription is paused or expired; only the subscription query may be called."),
  H525(
      422,
      "The subscription's consent limit has been reached; no consent for a new address can be"
          + " added."),
  H408(422, "A consent with source HS_KARAR must have the status RET."),
  H530(422, "The connection could not be made or removed."),
  H531(422, "The connection address (url) must start with https."),
  H462(400, "Every TACIR consent after the first one must carry a consentDate."),
  H463(400, "Every TACIR consent after the first one must carry a source."),
  H464(422, "The recipient does not fit the consent type: MESAJ and ARAMA take a phone number."),
  H478(422, "The recipients field must be a list."),
  H501(422, "The reportDate must be written as yyyy-MM-dd."),
  H502(422, "The reportDate may be at most 7 days in the past."),
  H506(422, "The source filter must be HS or IYS."),
  H507(422, "The limit must be a whole number from 1 to 1000."),
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

  /** Bulk files are recognised by their content, so a resent file is not imported again. */
  IYS030(422, "A chain is verified over at most 366 days, from a date not after the to date."),
  IYS031(422, "An agreement is recorded with the body {\"agreementStatus\": true}."),
  IYS032(404, "No business list comparison with this id belongs to this brand."),
  IYS010(409, "This file was already received for this brand."),
  IYS011(404, "No consent file with this id belongs to this brand."),
  IYS012(409, "The consent file is not in a state that allows this."),
  IYS013(422, "The consent file is empty."),
  IYS016(
      422,
      "The first line of a CSV consent file must name the columns recipient, type and status;"
          + " the file was not imported."),

  /**
   * A row of a bulk file whose phone number Excel wrote in scientific notation; digits are lost.
   */
  IYS020(
      422,
      "The phone number is written in scientific notation (like 5,32E+09), so its digits are"
          + " lost. In Excel, format the column as Text, type or paste the numbers again, and"
          + " export the file once more."),

  /** A warning only: the row was accepted after its phone number was rewritten. */
  IYS021(200, "The phone number was written in a national form and was read as E.164."),

  /** A row of a bulk file that the file's reader could not turn into fields. */
  IYS022(422, "The row could not be read."),

  // Businesses, brands and accounts: the reference has no codes for registration or staff work.
  IYS101(422, "The title is required: 2 to 250 characters."),
  IYS102(
      422,
      "The taxNumber must be a 10-digit tax number (VKN) or an 11-digit identity number (TCKN)"
          + " with valid check digits."),
  IYS103(422, "The mersisNumber must be exactly 16 digits."),
  IYS104(422, "The address is required: 10 to 500 characters."),
  IYS105(422, "The email must be a valid e-mail address of at most 265 characters."),
  IYS106(
      422,
      "The phone must be a valid number in E.164 form: a plus sign, the country code and the"
          + " number, e.g. +902121234567."),
  IYS107(404, "No business application with this id exists."),
  IYS108(400, "The application has already been decided; only a pending one can change."),
  IYS109(422, "The reason is required to reject an application: 5 to 500 characters."),
  IYS110(404, "No business with this iysCode exists."),
  IYS111(422, "The brand name is required: 2 to 250 characters."),
  IYS112(400, "The business already has a brand with this name."),
  IYS113(422, "The username must be 3 to 128 characters: letters, digits and . _ @ - only."),
  IYS114(400, "This username is already taken."),
  IYS115(422, "The password must be 12 to 128 characters long."),
  IYS116(401, "Staff credentials are missing or wrong."),
  IYS117(403, "The staff role does not allow this action."),
  IYS118(400, "An application with this taxNumber is already pending or approved."),
  IYS119(422, "The request body must be a JSON object."),
  IYS120(422, "The status filter must be PENDING, APPROVED or REJECTED."),
  IYS121(422, "The roles must be a non-empty list of operator, supervisor and admin."),

  // Subscriptions: staff set them, and the reference has no codes for that.
  IYS130(422, "The subscription status must be ACTIVE, PAUSED or CLOSED."),
  IYS131(422, "The consentLimit must be a whole number, zero or more."),
  IYS132(422, "The consentLimitExceed must be true or false."),
  IYS133(422, "The expirationDate must be written as yyyy-MM-dd HH:mm:ss (Turkey time)."),
  IYS134(
      422,
      "Only status, consentLimit, consentLimitExceed and expirationDate of a subscription can be"
          + " changed."),

  /** The changes cursor is what an earlier answer returned in {@code after}, unchanged. */
  IYS003(422, "The after cursor must be written as <epochSeconds>_<transactionId>."),

  /** At most 1000 addresses are checked in one status query, as in a bulk add. */
  IYS004(422, "At most 1000 recipients may be queried at once."),

  /** Only JSON bodies are read; the status travels as 415. */
  IYS005(415, "The request body must be sent as application/json."),

  /** Bodies beyond the limit are not read at all; the status travels as 413. */
  IYS006(413, "The request body is too large."),

  /** Deeply nested JSON is refused before it is built, so it cannot exhaust the server. */
  IYS007(400, "The request body nests JSON objects or arrays too deeply."),

  /** The path or method names nothing in the API. */
  IYS008(404, "No such resource."),

  /** The resource exists but not with this HTTP method. */
  IYS009(405, "This HTTP method is not allowed here."),

  /**
   * The request is malformed in a way no specific code describes (for example a bad path value).
   */
  IYS014(400, "The request could not be understood."),

  /**
   * The message broker did not take the request within its bound (down, blocked or full); nothing
   * was recorded, and the same request may be sent again.
   */
  IYS015(503, "The registry cannot take this request now; try again shortly."),

  // Complaints, sanctions and dead letters.
  IYS201(422, "A complaint needs brand, channel, recipient and receivedAt."),
  IYS202(
      422,
      "The receivedAt must be an ISO-8601 date and time with its offset, e.g."
          + " 2026-11-30T09:00:00+03:00, and not in the future."),
  IYS203(422, "A field of the complaint is too long."),
  IYS204(404, "No complaint has this number."),
  IYS205(404, "No sanction proposal has this id."),
  IYS206(400, "The sanction proposal has already been decided."),
  IYS207(422, "A decision needs a reason of 1 to 1000 characters."),
  IYS208(404, "No dead-lettered complaint message has this id."),
  /** The fine table starts at a year; a message that arrived before it could never be judged. */
  IYS209(422, "The receivedAt is before the first year the fine schedule covers."),
  IYS211(422, "The channel must be MESAJ, ARAMA or EPOSTA."),
  IYS212(
      422,
      "The recipient does not fit the channel: MESAJ and ARAMA take a phone number in E.164 form,"
          + " EPOSTA an e-mail address."),
  IYS210(
      422,
      "A fine needs a known article, a year from 2000 to 2200, a threshold of 0 or more, a"
          + " positive amount with at most two decimals and a description of 1 to 250 characters."),

  /** A sending check answers for a bounded list, so one request cannot hold a node for long. */
  IYS040(422, "A sending check may name at most 100000 recipients; split the list."),

  // Citizens: proving an address, the citizen API, SMS keywords and reject links.
  IYS301(422, "The address must be a phone number in E.164 form or an e-mail address."),
  IYS302(429, "Too many codes were requested for this address; try again in an hour."),
  IYS303(429, "Too many requests came from this client; try again in an hour."),
  IYS304(404, "No verification with this id exists."),
  IYS305(400, "The code is wrong."),
  IYS306(400, "The code has expired; request a new one."),
  IYS307(400, "The code was entered wrongly too many times; request a new one."),
  IYS308(400, "This verification was already confirmed; request a new code to verify again."),
  IYS309(401, "The citizen session token is missing, invalid or expired; verify an address."),
  IYS310(403, "This address has not been verified in this session."),
  IYS311(404, "No brand with this code exists."),
  IYS312(
      422,
      "A change needs recipient, brandCode, type (MESAJ, ARAMA or EPOSTA) and status (ONAY or"
          + " RET); recipientType is BIREYSEL or TACIR."),
  IYS313(401, "The gateway secret is missing or wrong."),
  IYS314(422, "An inbound SMS needs messageId (1 to 100 characters), from and text."),
  IYS315(404, "This reject link is not valid."),
  IYS316(410, "This reject link has expired."),
  IYS317(409, "This reject link has already been used.");

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
