package org.iys.domain.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A member of the registry's staff. The password is kept only as a slow salted hash; roles are
 * {@code operator}, {@code supervisor} and {@code admin}, stored comma-separated.
 */
@Entity
@Table(name = "staff_user")
@NamedQuery(
    name = "StaffUser.byUsername",
    query = "SELECT s FROM StaffUser s WHERE s.username = :username")
public class StaffUser {

  public static final String OPERATOR = "operator";
  public static final String SUPERVISOR = "supervisor";
  public static final String ADMIN = "admin";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64, unique = true)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 255)
  private String passwordHash;

  @Column(nullable = false, length = 64)
  private String roles;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected StaffUser() {}

  public StaffUser(String username, String passwordHash, Set<String> roles, Instant createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.roles = String.join(",", roles.stream().sorted().toList());
    this.createdAt = createdAt;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Set<String> roles() {
    return Arrays.stream(roles.split(",")).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
  }
}
