package dev.paperdex.searcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorNamesTest {

  @Test
  void keysAreSurnameAndInitialFoldedToAscii() {
    assertThat(AuthorNames.key("Göran Östlin")).isEqualTo("ostlin_g");
    assertThat(AuthorNames.key("Joost van der Putten")).isEqualTo("vanderputten_j");
    assertThat(AuthorNames.key("J. R. R. Tolkien")).isEqualTo("tolkien_j");
    assertThat(AuthorNames.key("Jean-François Nezan")).isEqualTo("nezan_j");
    assertThat(AuthorNames.key("Eduardo de la Fuente")).isEqualTo("delafuente_e");
    assertThat(AuthorNames.key("Frank C. van den Bosch")).isEqualTo("vandenbosch_f");
    assertThat(AuthorNames.key("Orsola De Marco")).isEqualTo("demarco_o");
    assertThat(AuthorNames.key("R. E. Ryan Jr.")).isEqualTo("ryan_r");
    assertThat(AuthorNames.key("J. Richard Gott III")).isEqualTo("gott_j");
    assertThat(AuthorNames.key("T. A. Enßlin")).isEqualTo("ensslin_t");
    assertThat(AuthorNames.key("Jes K. Jørgensen")).isEqualTo("jorgensen_j");
    assertThat(AuthorNames.key("Przemysław Jacewicz")).isEqualTo("jacewicz_p");
    assertThat(AuthorNames.key("Kjærgaard")).isEqualTo("kjaergaard");
    assertThat(AuthorNames.key("R. Kołos")).isEqualTo("kolos_r");
    assertThat(AuthorNames.key("D. A. García-Hernández")).isEqualTo("garciahernandez_d");
    assertThat(AuthorNames.key("Yıldız")).isEqualTo("yildiz");
    assertThat(AuthorNames.key("IceCube Collaboration")).isEqualTo("icecubecollaboration");
    assertThat(AuthorNames.key(null)).isNull();
  }

  @Test
  void knowsSuffixesAndCollaborations() {
    assertThat(AuthorNames.isSuffix("Jr.")).isTrue();
    assertThat(AuthorNames.isSuffix("III")).isTrue();
    assertThat(AuthorNames.isSuffix("Ivan")).isFalse();
    assertThat(AuthorNames.isCollaboration("The ATLAS Collaboration")).isTrue();
    assertThat(AuthorNames.isCollaboration("Teague Smith")).isFalse();
    assertThat(AuthorNames.withoutCollaborationPrefix("on behalf of the CTA Consortium")).isEqualTo("CTA Consortium");
  }
}
