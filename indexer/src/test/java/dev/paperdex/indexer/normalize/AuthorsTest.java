package dev.paperdex.indexer.normalize;

import dev.paperdex.searcher.internal.TeX;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every author string below is quoted from the arXiv metadata in the shared data. */
class AuthorsTest {

  @Test
  void splitsCommasAndTheLastAnd() {
    assertThat(Authors.split(
        "Arjen van der Wel, Eric F. Bell, Frank C. van den Bosch, Anna Gallazzi and Hans-Walter Rix"))
        .containsExactly("Arjen van der Wel", "Eric F. Bell", "Frank C. van den Bosch", "Anna Gallazzi",
            "Hans-Walter Rix");
  }

  @Test
  void splitsTheSerialComma() {
    assertThat(Authors.split("Orsola De Marco, S. Wortel, Howard E. Bond, and Dianne Harmer"))
        .containsExactly("Orsola De Marco", "S. Wortel", "Howard E. Bond", "Dianne Harmer");
  }

  @Test
  void splitsTwoPeopleJoinedByAnd() {
    assertThat(Authors.split("Dean E. McLaughlin and S. Michael Fall"))
        .containsExactly("Dean E. McLaughlin", "S. Michael Fall");
    assertThat(Authors.split("A. Kashlinsky and D. Band")).containsExactly("A. Kashlinsky", "D. Band");
  }

  @Test
  void splitsSemicolons() {
    assertThat(Authors.split("Marina Battaglia; Arnold O. Benz")).containsExactly("Marina Battaglia", "Arnold O. Benz");
    assertThat(Authors.split("Ari Laor, Buell T. Jannuzi; Richard F. Green and Todd A. Boroson"))
        .containsExactly("Ari Laor", "Buell T. Jannuzi", "Richard F. Green", "Todd A. Boroson");
  }

  @Test
  void keepsACollaborationAsANameOfItsOwn() {
    assertThat(Authors.split("The IceCube Collaboration")).containsExactly("IceCube Collaboration");
    assertThat(Authors.split("The MACHO Collaboration: D.P.Bennett, C.Alcock, R.A.Allsman"))
        .containsExactly("MACHO Collaboration", "D. P. Bennett", "C. Alcock", "R. A. Allsman");
    assertThat(Authors.split("HESS Collaboration: F. Aharonian, et al"))
        .containsExactly("HESS Collaboration", "F. Aharonian");
    assertThat(Authors.split("Brian Humensky, for the VERITAS Collaboration"))
        .containsExactly("Brian Humensky", "VERITAS Collaboration");
    assertThat(Authors.split("Roberta Zanin and Jamie Holder for the CTA Consortium"))
        .containsExactly("Roberta Zanin", "Jamie Holder", "CTA Consortium");
    assertThat(Authors.split("A.C.Becker, D.P.Bennett, D.L.Welch (The MACHO Collaboration)"))
        .containsExactly("A. C. Becker", "D. P. Bennett", "D. L. Welch", "MACHO Collaboration");
    assertThat(Authors.split("The Fermi LAT and GBM Collaborations")).containsExactly("Fermi LAT and GBM Collaborations");
  }

  @Test
  void dropsCountsThatStandForPeopleButKeepsNamesThatStartLikeThem() {
    assertThat(Authors.split("A. One, B. Two and others")).containsExactly("A. One", "B. Two");
    assertThat(Authors.split("A. One, B. Two, 445 co-authors")).containsExactly("A. One", "B. Two");
    assertThat(Authors.split("A. One, 12 additional authors not shown")).containsExactly("A. One");
    assertThat(Authors.split("Omar Ali, Otto Bell and Anna Cole")).containsExactly("Omar Ali", "Otto Bell", "Anna Cole");
  }

  @Test
  void attachesSuffixesToThePersonBefore() {
    assertThat(Authors.split("R. E. Ryan Jr., P. A. Thorman, H. Yan"))
        .containsExactly("R. E. Ryan Jr.", "P. A. Thorman", "H. Yan");
    assertThat(Authors.split("Paul N. Arendt, Jr")).containsExactly("Paul N. Arendt Jr");
    assertThat(Authors.split("Li-Xin Li and J. Richard Gott, III")).containsExactly("Li-Xin Li", "J. Richard Gott III");
    assertThat(Authors.split("Y. Liu, W. B. Manchester IV, J. C. Kasper"))
        .containsExactly("Y. Liu", "W. B. Manchester IV", "J. C. Kasper");
    assertThat(Authors.split("Tracy L. Huard, Neal J. Evans II, Philip C. Myers"))
        .containsExactly("Tracy L. Huard", "Neal J. Evans II", "Philip C. Myers");
    assertThat(Authors.split("Xiaomin Lin, Pouya Sohrabipour Sr, Philip Crandall"))
        .containsExactly("Xiaomin Lin", "Pouya Sohrabipour Sr", "Philip Crandall");
  }

  @Test
  void dropsAffiliationsInParentheses() {
    assertThat(Authors.split("Sownak Bose, Baojiu Li (ICC, Durham), Alexandre Barreira (MPA, Garching)"))
        .containsExactly("Sownak Bose", "Baojiu Li", "Alexandre Barreira");
    assertThat(Authors.split("Paolo Padovani (Physics Department, II University of Rome)"))
        .containsExactly("Paolo Padovani");
    assertThat(Authors.split("Marko Sestovic (1, 2), Brice-Olivier Demory (1), Didier Queloz (2, 3) ((1) Center for"
        + " Space and Habitability, University of Bern, Switzerland, (2) Astrophysics Group, Cavendish Laboratory,"
        + " Cambridge, UK, (3) Observatoire de Geneve, Universite de Geneve, Switzerland)"))
        .containsExactly("Marko Sestovic", "Brice-Olivier Demory", "Didier Queloz");
    assertThat(Authors.split("Daniel A. Dale (1) and Riccardo Giovanelli (2) ((1) IPAC/Caltech (2) Cornell University)"))
        .containsExactly("Daniel A. Dale", "Riccardo Giovanelli");
    assertThat(Authors.split("N.Chamoun (1,2), S.J.Landau (1) and H.Vucetich (1)((1)U.N.L.P., La Plata, Argentina;"
        + " (2) H.I.A.S.T., Damascus, Syria)"))
        .containsExactly("N. Chamoun", "S. J. Landau", "H. Vucetich");
    assertThat(Authors.split("T. A. En\\sslin, et al. (147 additional authors not shown)"))
        .containsExactly("T. A. En\\sslin");
  }

  @Test
  void keepsParticlesInTheName() {
    assertThat(Authors.split("Carlos Chavarria-K, Marco A. Moreno-Corral, Estela de Lara, and Eduardo de la Fuente"))
        .containsExactly("Carlos Chavarria-K", "Marco A. Moreno-Corral", "Estela de Lara", "Eduardo de la Fuente");
    assertThat(Authors.split("Maurice H.P.M. van Putten, Gyeong Min Lee, Massimo Della Valle"))
        .containsExactly("Maurice H. P. M. van Putten", "Gyeong Min Lee", "Massimo Della Valle");
  }

  @Test
  void splitsStringsThatStillHoldTeX() {
    assertThat(Authors.split("Luis F. Rodr{\\'\\i}guez, Luis A. Zapata, Paul T. P. Ho"))
        .containsExactly("Luis F. Rodr{\\'\\i}guez", "Luis A. Zapata", "Paul T. P. Ho");
    assertThat(Authors.split("Miriam Pe\\~na, \\and Jorge Garc\\'ia"))
        .containsExactly("Miriam Pe\\~na", "Jorge Garc\\'ia");
    assertThat(Authors.split("H\\'ector Cuevas \\& Amelia Ram\\'irez"))
        .containsExactly("H\\'ector Cuevas", "Amelia Ram\\'irez");
    assertThat(Authors.split("R. G\\\"usten\\inst{1}, P. Bergman")).containsExactly("R. G\\\"usten", "P. Bergman");
    assertThat(Authors.split("{Simon Johnston, Aris Karastergiou and Kyle Willett"))
        .containsExactly("{Simon Johnston", "Aris Karastergiou", "Kyle Willett");
  }

  @Test
  void splitsStringsAfterTheirTeXIsConverted() {
    assertThat(Authors.split(TeX.toUnicode("C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan")))
        .containsExactly("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan");
    assertThat(Authors.split(TeX.toUnicode("Mario Juri\\'c, \\vZeljko Ivezi\\'c")))
        .containsExactly("Mario Jurić", "Željko Ivezić");
  }

  @Test
  void readsListsWrittenSurnameFirst() {
    assertThat(Authors.split("Martinez, P., Dorrer, C., Kasper, M., Boccaletti, A., and Dohlen, K"))
        .containsExactly("P. Martinez", "C. Dorrer", "M. Kasper", "A. Boccaletti", "K Dohlen");
    assertThat(Authors.split("Östlin, Göran")).containsExactly("Göran Östlin");
  }

  @Test
  void dropsFootnoteDigitsRunIntoAName() {
    assertThat(Authors.split("Rares-Alexandru Roscan, Gabriel Petre1, Adrian-Marius Dumitran"))
        .containsExactly("Rares-Alexandru Roscan", "Gabriel Petre", "Adrian-Marius Dumitran");
  }

  @Test
  void nothingGivesNoOne() {
    assertThat(Authors.split(null)).isEmpty();
    assertThat(Authors.split("  ")).isEmpty();
  }

  @Test
  void buildsDisplayNamesFromParts() {
    assertThat(Authors.fromParts("Östlin", "Göran", null)).isEqualTo("Göran Östlin");
    assertThat(Authors.fromParts("Gott", "J. Richard", "III")).isEqualTo("J. Richard Gott III");
    assertThat(Authors.fromParts("van der Putten", "Joost", " ")).isEqualTo("Joost van der Putten");
    assertThat(Authors.fromParts("Prabhat", null, null)).isEqualTo("Prabhat");
    assertThat(Authors.fromSurnameFirst("Östlin, Göran")).isEqualTo("Göran Östlin");
    assertThat(Authors.fromSurnameFirst("Arendt, Paul N., Jr")).isEqualTo("Paul N. Arendt Jr");
    assertThat(Authors.fromSurnameFirst("Prabhat")).isEqualTo("Prabhat");
  }

}
