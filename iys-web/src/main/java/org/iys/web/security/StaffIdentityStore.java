package org.iys.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.iys.application.access.StaffAccounts;

/** Staff accounts as Jakarta Security sees them: the database, with roles as groups. */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

  @EJB private StaffAccounts accounts;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return accounts
        .authenticate(login.getCaller(), login.getPasswordAsString())
        .map(staff -> new CredentialValidationResult(staff.username(), staff.roles()))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
