/**
 * Harvests new papers from arXiv into a directory of raw responses that {@code paperdex index DIR} reads: OAI-PMH
 * {@code ListRecords} and the arXiv API, politely (one request at a time, at least 3 s apart) and toughly (retries,
 * backoff, a state saved after every page). {@link dev.paperdex.indexer.harvest.Harvester} is the entry point.
 */
package dev.paperdex.indexer.harvest;
