/**
 * Consents: who may send which commercial messages to which address, and the append-only history
 * that proves it.
 *
 * <p>Glossary (the registry's own words are kept where the wire format and users speak them):
 *
 * <ul>
 *   <li><b>consent</b> ({@code izin}): the current state of one key, brand + recipient + recipient
 *       type + type;
 *   <li><b>movement</b>: one recorded change of a consent, identified by a transaction id;
 *   <li><b>ONAY</b> / <b>RET</b>: consent given / refused or withdrawn;
 *   <li><b>MESAJ</b> (SMS), <b>ARAMA</b> (voice call), <b>EPOSTA</b> (e-mail): the channels;
 *   <li><b>BIREYSEL</b> / <b>TACIR</b>: an individual / a merchant as recipient;
 *   <li><b>HS_*</b> sources: how a business obtained the consent; <b>IYS_*</b> sources: the
 *       recipient acted through the registry itself;
 *   <li><b>consent date</b>: when the recipient gave or withdrew consent (Turkey time on the wire);
 *       <b>creation date</b>: when the registry recorded it;
 *   <li><b>retailer</b> ({@code bayi}): a dealer of a brand, named by an 8-digit code.
 * </ul>
 *
 * <p>Entry points: {@link org.iys.domain.consent.ConsentRequestValidator} for the field rules of a
 * business's request, {@link org.iys.domain.consent.Consent#apply} for the state rules.
 */
package org.iys.domain.consent;
