package org.iys.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The password of the first staff administrator, which the application uses only while no staff
 * account exists. Taken from {@code admin.password} ({@code IYS_ADMIN_PASSWORD}) when set;
 * otherwise a random one is made once and kept, readable by the owner only, in {@code <data
 * dir>/first-admin-password}, so a new user of {@code ./run.sh} can log in without setting
 * anything. Handed to the server through its environment.
 */
record FirstAdmin(String username, String password, Path file) {

  static final String FILE_NAME = "first-admin-password";

  private static final SecureRandom RANDOM = new SecureRandom();

  static FirstAdmin of(Settings settings, Path dataDir) throws IOException {
    String username = settings.get("admin.username");
    String configured = settings.get("admin.password");
    if (!configured.isBlank()) {
      return new FirstAdmin(username, configured, null);
    }
    Path file = dataDir.resolve(FILE_NAME);
    if (Files.isRegularFile(file)) {
      return new FirstAdmin(username, Files.readString(file).strip(), file);
    }
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Files.createDirectories(dataDir);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, generated + System.lineSeparator());
    return new FirstAdmin(username, generated, file);
  }

  Map<String, String> environment() {
    return Map.of("IYS_ADMIN_USERNAME", username, "IYS_ADMIN_PASSWORD", password);
  }

  String describe() {
    return file == null
        ? "  first admin    " + username + " (password from admin.password / IYS_ADMIN_PASSWORD)"
        : "  first admin    " + username + " (password in " + file + ")";
  }
}
