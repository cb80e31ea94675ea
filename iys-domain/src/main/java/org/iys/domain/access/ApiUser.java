package org.iys.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A machine account of one business: it obtains OAuth2 tokens that reach only that business's
 * iysCode and brands. The password is kept only as a slow salted hash.
 */
@Entity
@Table(name = "api_user")
@NamedQuery(
    name = "ApiUser.byUsername",
    query = "SELECT u FROM ApiUser u WHERE u.username = :username")
public class ApiUser {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "iys_code", nullable = false)
  private Integer iysCode;

  @Column(nullable = false, length = 128, unique = true)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 255)
  private String passwordHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  protected ApiUser() {}

  public ApiUser(
      int iysCode, String username, String passwordHash, Instant createdAt, String createdBy) {
    this.iysCode = iysCode;
    this.username = username;
    this.passwordHash = passwordHash;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  public Long id() {
    return id;
  }

  public int iysCode() {
    return iysCode;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
