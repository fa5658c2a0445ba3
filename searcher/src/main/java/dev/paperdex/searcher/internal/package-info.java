/**
 * Internal to paperdex: the index schema, analysis and query building shared by the indexer and the searcher.
 *
 * <p>Nothing here is a public API. Classes may change or disappear in any release; embed paperdex through
 * {@link dev.paperdex.searcher} only.
 */
package dev.paperdex.searcher.internal;
