/**
 * paperdex's searcher library: open an index with {@link dev.paperdex.searcher.PaperSearcher}, describe a search
 * with {@link dev.paperdex.searcher.SearchRequest}, and read the immutable
 * {@link dev.paperdex.searcher.SearchResults}.
 *
 * <p>This package is the whole public API. {@code dev.paperdex.searcher.internal} is shared with the indexer and may
 * change without notice.
 */
package dev.paperdex.searcher;
