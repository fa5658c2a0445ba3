package dev.paperdex.searcher.internal;

import dev.paperdex.searcher.IndexProblemException;
import dev.paperdex.searcher.QuerySyntaxException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;

/** Tells Lucene's "these files cannot be read" failures apart, and says them as one line with what to do. */
public final class IndexDamage {

  /** Lucene names the file in a resource description such as {@code MemorySegmentIndexInput(path="/i/_0.cfs")}. */
  private static final Pattern RESOURCE_PATH = Pattern.compile("path=\"([^\"]+)\"");

  private IndexDamage() {}

  /** Whether {@code e} says that the index's files are damaged or in a format this Lucene cannot read. */
  public static boolean isDamage(IOException e) {
    return e instanceof CorruptIndexException || e instanceof IndexFormatTooOldException
        || e instanceof IndexFormatTooNewException;
  }

  /**
   * Throws the one-line {@link #problem} when {@code failure}, thrown while reading {@code reader}'s index, comes from
   * damaged files. A damaged file seldom fails with Lucene's own "corrupt" exception in the middle of a search or an
   * update: it fails with whatever the garbage read from it caused (a bad compression code, an index out of bounds).
   * So any failure but a {@link QuerySyntaxException} or an {@link IndexProblemException} has every segment checked
   * against its checksums, which reads all of the index, but only after a failure. That includes an
   * {@link AssertionError}: with assertions on (as in tests), Lucene's own checks trip over the garbage first.
   */
  public static void throwIfDamaged(Path indexDir, IndexReader reader, Throwable failure)
      throws IndexProblemException {
    if (failure instanceof IOException io && isDamage(io)) {
      throw problem(indexDir, io);
    }
    if (failure instanceof QuerySyntaxException || failure instanceof IndexProblemException) {
      return;
    }
    for (LeafReaderContext leaf : reader.leaves()) {
      try {
        leaf.reader().checkIntegrity();
      } catch (IOException | RuntimeException | AssertionError checkFailure) {
        if (checkFailure instanceof IOException io && isDamage(io)) {
          IndexProblemException damage = problem(indexDir, io);
          damage.addSuppressed(failure);
          throw damage;
        }
      }
    }
  }

  /** The exception for an index whose files cannot be read ({@link #isDamage}), saying which file and what to do. */
  public static IndexProblemException problem(Path indexDir, IOException e) {
    String what = e instanceof CorruptIndexException corrupt
        ? fileName(corrupt.getResourceDescription()) + ": " + corrupt.getOriginalMessage()
        : "written by another version of Lucene";
    return new IndexProblemException("the index at " + indexDir + " is damaged (" + what
        + "); rebuild it from your sources with `paperdex index --rebuild SOURCE…`", e);
  }

  private static String fileName(String resourceDescription) {
    Matcher path = RESOURCE_PATH.matcher(resourceDescription);
    return path.find() ? Path.of(path.group(1)).getFileName().toString() : resourceDescription;
  }
}
