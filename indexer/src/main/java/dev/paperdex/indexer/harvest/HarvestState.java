package dev.paperdex.indexer.harvest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a harvest directory has fetched so far, saved as {@value #FILE_NAME} in the directory after every page (written
 * to a temporary file and moved over the old one, so a kill never leaves half a state). Times are ISO-8601 instants
 * and dates ISO-8601 days, as text.
 *
 * @param source     what the directory harvests, such as {@code OAI-PMH ListRecords, metadata arXiv, set cs}; one
 *                   directory holds one source
 * @param watermark  where the last complete list ended: for OAI-PMH the {@code responseDate} of its first page
 *                   (the next list starts from that day), for the API the newest update date it held (the next pass
 *                   stops there); {@code null} before the first complete list
 * @param pass       the list being fetched, or {@code null} when none is under way
 * @param unindexed  names of saved files that {@code paperdex update} has not yet indexed, in harvest order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HarvestState(String source, String watermark, Pass pass, List<String> unindexed) {

  /** The state file's name in the harvest directory; it starts with a dot, so {@code paperdex index} passes it by. */
  public static final String FILE_NAME = ".paperdex-harvest.json";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Makes the file list immutable. */
  public HarvestState {
    unindexed = unindexed == null ? List.of() : List.copyOf(unindexed);
  }

  /**
   * One list (OAI-PMH) or pass (API) under way.
   *
   * @param stamp     when it started ({@code 20261121T084500Z}), the middle part of its files' names
   * @param from      the OAI-PMH {@code from} day, or {@code null}
   * @param until     the OAI-PMH {@code until} day, or {@code null}
   * @param token     the OAI-PMH resumption token that asks for the next page, or {@code null} before the first page
   * @param nextStart the API {@code start} of the next page
   * @param newest    OAI-PMH: the first page's {@code responseDate}; API: the newest update date seen in this pass
   * @param pages     the pages saved in this list so far
   * @param records   the records on them
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Pass(String stamp, String from, String until, String token, long nextStart, String newest, int pages,
                     long records) {}

  /** The state of {@code dir}, if it has one. */
  public static Optional<HarvestState> load(Path dir) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    try {
      return Optional.of(JSON.readValue(Files.readAllBytes(file), HarvestState.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (JacksonException e) {
      throw new IOException(file + " is not a paperdex harvest state (" + e.getOriginalMessage()
          + "): move it away to start the harvest afresh", e);
    }
  }

  /** Writes the state into {@code dir}, replacing the old one in one step. */
  void save(Path dir) throws IOException {
    AtomicFiles.write(dir.resolve(FILE_NAME), JSON.writeValueAsBytes(this));
  }

  /** This state with another pass. */
  HarvestState withPass(Pass newPass) {
    return new HarvestState(source, watermark, newPass, unindexed);
  }

  /** This state after a page: the pass goes on (or is done, {@code newPass} null), and the file joins the unindexed. */
  HarvestState afterPage(Pass newPass, String newWatermark, Path savedFile) {
    List<String> files = new ArrayList<>(unindexed);
    if (savedFile != null && !files.contains(savedFile.getFileName().toString())) {
      files.add(savedFile.getFileName().toString());
    }
    return new HarvestState(source, newWatermark, newPass, files);
  }

  /** This state with {@code indexed} no longer waiting to be indexed. */
  HarvestState without(Collection<String> indexed) {
    List<String> files = new ArrayList<>(unindexed);
    files.removeAll(indexed);
    return new HarvestState(source, watermark, pass, files);
  }
}
