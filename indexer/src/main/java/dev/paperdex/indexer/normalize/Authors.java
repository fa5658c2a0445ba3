package dev.paperdex.indexer.normalize;

import java.util.ArrayList;
import java.util.List;

/** Splits arXiv author lists into people. */
public final class Authors {

  private Authors() {}

  /** The people of an author string such as {@code A. One, B. Two and C. Three}, in order, as display names. */
  public static List<String> split(String authors) {
    List<String> people = new ArrayList<>();
    if (authors == null) {
      return people;
    }
    for (String part : authors.split(",|\\band\\b")) {
      String name = Text.clean(part);
      if (name != null) {
        people.add(name);
      }
    }
    return people;
  }

  /** The display name of a person given as surname, forenames and suffix (any may be {@code null} but the surname). */
  public static String fromParts(String surname, String forenames, String suffix) {
    StringBuilder name = new StringBuilder();
    if (forenames != null && !forenames.isBlank()) {
      name.append(forenames.strip()).append(' ');
    }
    name.append(surname.strip());
    if (suffix != null && !suffix.isBlank()) {
      name.append(' ').append(suffix.strip());
    }
    return Text.clean(name.toString());
  }
}
