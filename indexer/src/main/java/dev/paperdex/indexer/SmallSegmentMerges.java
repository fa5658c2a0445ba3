package dev.paperdex.indexer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;

/**
 * Lucene's tiered merge policy, and at each commit (and each reader a run opens to verify what it wrote) the small
 * segments merged into one once there are more than one run writes: a run writes a segment per lane, and a search
 * sets up every segment, some 10 ms each at a command's start (a 298k index in one segment instead of four started
 * 46 ms sooner), while the tiered policy waits for ten segments of a size before it merges them. So a harvest added
 * day after day leaves at most a run's worth of small segments, not one or two more a day; a large build's segments
 * are far above the size and left to the tiered policy. A fresh index of a few papers keeps its segment per lane, so
 * that the launcher's start-up training, which indexes the bundled data, meets what a search of a large index meets.
 *
 * <p>The writer must wait for these merges ({@link #COMMIT_WAIT_MS}), or a commit goes without them.
 */
final class SmallSegmentMerges extends FilterMergePolicy {

  /** How long a commit waits for the merge of small segments: long enough for it to finish. */
  static final long COMMIT_WAIT_MS = 120_000;
  /** Below this size a segment is small: merging 8 MB costs about half a second. */
  private static final long SMALL_BYTES = 8L << 20;
  /** The segments one run writes, one per lane (see {@link WriteLanes}): not merged by themselves. */
  private final int oneRunsSegments;

  SmallSegmentMerges(int lanes) {
    super(new TieredMergePolicy());
    this.oneRunsSegments = lanes;
  }

  @Override
  public MergeSpecification findFullFlushMerges(MergeTrigger trigger, SegmentInfos segments, MergeContext context)
      throws IOException {
    List<SegmentCommitInfo> small = new ArrayList<>();
    for (SegmentCommitInfo segment : segments) {
      if (segment.sizeInBytes() < SMALL_BYTES && !context.getMergingSegments().contains(segment)) {
        small.add(segment);
      }
    }
    if (small.size() <= oneRunsSegments) {
      return null;
    }
    MergeSpecification merges = new MergeSpecification();
    merges.add(new MergePolicy.OneMerge(small));
    return merges;
  }
}
