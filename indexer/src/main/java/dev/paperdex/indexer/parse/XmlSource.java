package dev.paperdex.indexer.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * An XML source file read whole, as text and as a Jsoup document. Jsoup forgives a truncated file, so the text is
 * kept to tell which records were complete.
 *
 * @param text     the file's text
 * @param document the parsed XML
 */
record XmlSource(String text, Document document) {

  /** Reads and parses {@code file}. */
  static XmlSource read(SourceFile file) throws IOException {
    String text;
    try (InputStream in = file.open()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return new XmlSource(text, Jsoup.parse(text, "", Parser.xmlParser()));
  }

  /** How many times {@code closingTag} occurs: the number of records a truncated download holds whole. */
  int count(Pattern closingTag) {
    int count = 0;
    for (Matcher m = closingTag.matcher(text); m.find(); ) {
      count++;
    }
    return count;
  }
}
