package org.iys.infrastructure.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Set;
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

  private static final FileAttribute<?> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private volatile Path folder;

  @Override
  public void send(OutboxMessage message) {
    Path file =
        folder()
            .resolve(
                message.id() + "-" + message.channel().name().toLowerCase(Locale.ROOT) + ".txt");
    byte[] content =
        ("To: " + message.recipient() + "\n\n" + message.text() + "\n")
            .getBytes(StandardCharsets.UTF_8);
    try {
      write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("writing outbox message " + message.id() + " failed", e);
    }
    LOG.log(
        System.Logger.Level.DEBUG,
        "outbox message {0} written to the outbox folder ({1})",
        message.id(),
        message.channel());
  }

  private static void write(Path file, byte[] content) throws IOException {
    try (SeekableByteChannel channel = create(file)) {
      channel.write(ByteBuffer.wrap(content));
    } catch (FileAlreadyExistsException again) {
      // A round that wrote the file but failed to mark the message sent writes it once more.
      Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING);
    }
  }

  private static SeekableByteChannel create(Path file) throws IOException {
    Set<StandardOpenOption> options =
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try {
      return Files.newByteChannel(file, options, OWNER_ONLY);
    } catch (UnsupportedOperationException notPosix) {
      return Files.newByteChannel(file, options);
    }
  }

  private Path folder() {
    Path known = folder;
    if (known == null) {
      known = configuredFolder();
      try {
        Files.createDirectories(known);
      } catch (IOException e) {
        throw new UncheckedIOException("the outbox folder cannot be created", e);
      }
      folder = known;
    }
    return known;
  }

  private static Path configuredFolder() {
    String dataDir =
        ConfigProvider.getConfig()
            .getOptionalValue("iys.data.dir", String.class)
            .orElse(System.getProperty("iys.data.dir", "iys-data"));
    return Path.of(dataDir).resolve("outbox");
  }
}
