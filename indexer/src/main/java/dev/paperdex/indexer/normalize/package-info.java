/** Turning source text into the clean values of a {@link dev.paperdex.searcher.Paper}: ids, white space, dates. */
package dev.paperdex.indexer.normalize;
