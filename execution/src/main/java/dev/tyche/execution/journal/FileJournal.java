package dev.tyche.execution.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A journal in a UTF-8 text file, one record per line in the {@link JournalCodec} format after a
 * version header. Every record is written and flushed to the operating system before {@link
 * #append} returns; with {@code sync = true} it is also forced to the storage device ({@code
 * FileChannel.force}), which survives a power loss at the cost of a disk round trip per record.
 *
 * <p>Opening an existing file reads and decodes it. A last line without its line break is the trace
 * of a crash in the middle of a write: it is cut off (the file is truncated to the last complete
 * line), since the engine had not acted on that record yet. Any other malformed line, or a missing
 * or different header, fails the open.
 *
 * <p>Mutable; confined to one thread.
 */
public final class FileJournal implements Journal {
  private final Path path;
  private final FileChannel channel;
  private final Writer writer;
  private final boolean sync;
  private final List<JournalRecord> records = new ArrayList<>();
  private boolean closed;

  private FileJournal(Path path, boolean sync) throws IOException {
    this.path = path;
    this.sync = sync;
    boolean fresh = !Files.exists(path) || Files.size(path) == 0;
    long keep = fresh ? 0 : load(path, records);
    this.channel =
        FileChannel.open(
            path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    if (!fresh) {
      channel.truncate(keep);
    }
    channel.position(channel.size());
    this.writer = Channels.newWriter(channel, StandardCharsets.UTF_8);
    if (fresh) {
      writeLine(JournalCodec.HEADER);
    }
  }

  /**
   * Opens a journal file, creating it if it does not exist.
   *
   * @param path the file
   * @param sync whether to force every record to the storage device
   * @return the journal, positioned at its end
   * @throws UncheckedIOException if the file cannot be read or written
   * @throws IllegalArgumentException if the file is not a version-1 journal or a line is malformed
   */
  public static FileJournal open(Path path, boolean sync) {
    Objects.requireNonNull(path, "path must not be null");
    try {
      return new FileJournal(path, sync);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open journal " + path, e);
    }
  }

  /**
   * The file.
   *
   * @return the path
   */
  public Path path() {
    return path;
  }

  @Override
  public void append(JournalRecord record) {
    Objects.requireNonNull(record, "record must not be null");
    if (closed) {
      throw new IllegalStateException("journal " + path + " is closed");
    }
    String line = JournalCodec.encode(record);
    try {
      writeLine(line);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to journal " + path, e);
    }
    records.add(record);
  }

  @Override
  public List<JournalRecord> records() {
    return List.copyOf(records);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close journal " + path, e);
    }
  }

  private void writeLine(String line) throws IOException {
    writer.write(line);
    writer.write('\n');
    writer.flush();
    if (sync) {
      channel.force(false);
    }
  }

  /** Decodes the complete lines into {@code out}; returns the byte length to keep. */
  private static long load(Path path, List<JournalRecord> out) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    String text = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, end)).toString();
    String[] lines = text.isEmpty() ? new String[0] : text.split("\n", -1);
    // split keeps a trailing empty string after the last '\n'.
    int n = lines.length == 0 ? 0 : lines.length - 1;
    if (n == 0 || !JournalCodec.HEADER.equals(lines[0])) {
      throw new IllegalArgumentException(
          "journal "
              + path
              + " must start with the header '"
              + JournalCodec.HEADER
              + "' but started with '"
              + (n == 0 ? "" : lines[0])
              + "'");
    }
    for (int i = 1; i < n; i++) {
      out.add(JournalCodec.decode(lines[i]));
    }
    return end;
  }
}
