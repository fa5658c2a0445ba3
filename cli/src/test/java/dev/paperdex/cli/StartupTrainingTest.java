package dev.paperdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupTrainingTest {

  /** A Lucene upgrade that renames one of them would silently leave it out of the start-up cache. */
  @Test
  void theLargeIndexClassesExistInThisLucene() {
    List<String> missing = new ArrayList<>();
    for (String name : StartupTraining.LARGE_INDEX_CLASSES) {
      try {
        Class.forName(name, false, StartupTraining.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        missing.add(name);
      }
    }
    assertThat(missing).as("classes named in StartupTraining.LARGE_INDEX_CLASSES that Lucene no longer has").isEmpty();
  }
}
