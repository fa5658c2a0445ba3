package dev.paperdex.searcher.internal;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;

/** Lucene's default codec with stored fields of paperdex's choosing: what each of paperdex's codecs is. */
abstract class StoredFieldsCodec extends FilterCodec {

  private final StoredFieldsFormat storedFields;

  StoredFieldsCodec(String name, StoredFieldsFormat storedFields) {
    super(name, new Lucene104Codec());
    this.storedFields = storedFields;
  }

  @Override
  public final StoredFieldsFormat storedFieldsFormat() {
    return storedFields;
  }
}
