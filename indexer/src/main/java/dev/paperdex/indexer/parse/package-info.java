/**
 * One parser per input format, each turning a source file into normalised papers; {@link
 * dev.paperdex.indexer.parse.Format} tells the formats apart by content.
 */
package dev.paperdex.indexer.parse;
