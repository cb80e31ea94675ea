package org.iys.infrastructure.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;
import org.iys.application.outbox.OutboxGateway;
import org.iys.domain.outbox.OutboxMessage;

/**
 * A gateway for running the registry on one's own machine: each message becomes a text file {@code
 * <iys.data.dir>/outbox/<id>-<channel>.txt} holding the address and the text, readable by the
 * server's user only, so that a person trying the registry can read the code or the reject link
 * that a phone or mailbox would have received. Chosen with {@code iys.outbox.gateway=directory};
 * the launcher uses it unless another gateway is configured. Not for production: codes sit on disk
 * until someone deletes the files.
 */
@ApplicationScoped
@Named("directory")
public class DirectoryOutboxGateway implements OutboxGateway {

  private static final System.Logger LOG = System.getLogger(DirectoryOutboxGateway.class.getName());

  @Override
  public void send(OutboxMessage message) {
    Path file =
        folder()
            .resolve(
                message.id() + "-" + message.channel().name().toLowerCase(Locale.ROOT) + ".txt");
    String content = "To: " + message.recipient() + "\n\n" + message.text() + "\n";
    try {
      Files.createDirectories(file.getParent());
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException again) {
        // A round that wrote the file but failed to mark the message sent writes it once more.
      } catch (UnsupportedOperationException notPosix) {
        Files.deleteIfExists(file);
      }
      Files.writeString(
          file,
          content,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("writing outbox message " + message.id() + " failed", e);
    }
    LOG.log(
        System.Logger.Level.INFO,
        "outbox message {0} written to the outbox folder ({1})",
        message.id(),
        message.channel());
  }

  private static Path folder() {
    String dataDir =
        ConfigProvider.getConfig()
            .getOptionalValue("iys.data.dir", String.class)
            .orElse(System.getProperty("iys.data.dir", "iys-data"));
    return Path.of(dataDir).resolve("outbox");
  }
}
