package dev.paperdex.indexer.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.searcher.internal.TeX;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every example string below is quoted from the arXiv metadata in the shared data. */
class TeXTest {

  @Test
  void convertsTheExamplesOfTheSpec() {
    assertThat(TeX.toUnicode("G\\\"oran \\\"Ostlin")).isEqualTo("Göran Östlin");
    assertThat(TeX.toUnicode("$\\alpha$")).isEqualTo("α");
  }

  @Test
  void convertsEveryFormOfAccentFoundInArxivNames() {
    assertThat(TeX.toUnicode("St\\'{e}phane")).isEqualTo("Stéphane");
    assertThat(TeX.toUnicode("Tarl{\\'e}")).isEqualTo("Tarlé");
    assertThat(TeX.toUnicode("B{\\\"o}hnhardt")).isEqualTo("Böhnhardt");
    assertThat(TeX.toUnicode("R\\\"{o}ser")).isEqualTo("Röser");
    assertThat(TeX.toUnicode("Schr\\\"odinger")).isEqualTo("Schrödinger");
    assertThat(TeX.toUnicode("C\\^ot\\'e")).isEqualTo("Côté");
    assertThat(TeX.toUnicode("Universit\\`a")).isEqualTo("Università");
    assertThat(TeX.toUnicode("Mu\\~noz")).isEqualTo("Muñoz");
    assertThat(TeX.toUnicode("Kalv\\=ans")).isEqualTo("Kalvāns");
    assertThat(TeX.toUnicode("Chy\\.zy")).isEqualTo("Chyży");
    assertThat(TeX.toUnicode("Yi\\u{g}it")).isEqualTo("Yiğit");
    assertThat(TeX.toUnicode("Brada\\v{c}")).isEqualTo("Bradač");
    assertThat(TeX.toUnicode("Benk\\H{o}")).isEqualTo("Benkő");
    assertThat(TeX.toUnicode("Fran\\c{c}ois")).isEqualTo("François");
    assertThat(TeX.toUnicode("Chrz\\k{a}szcz")).isEqualTo("Chrząszcz");
    assertThat(TeX.toUnicode("H\\r{a}kon")).isEqualTo("Håkon");
    assertThat(TeX.toUnicode("Luis F. Rodr{\\'\\i}guez")).isEqualTo("Luis F. Rodríguez");
    assertThat(TeX.toUnicode("V\\'{\\i}ctor")).isEqualTo("Víctor");
    assertThat(TeX.toUnicode("D. A. Garc\\'\\ia-Hern\\'andez")).isEqualTo("D. A. García-Hernández");
  }

  @Test
  void convertsLetterMacros() {
    assertThat(TeX.toUnicode("Y{\\i}ld{\\i}z")).isEqualTo("Yıldız");
    assertThat(TeX.toUnicode("Wei\\ss")).isEqualTo("Weiß");
    assertThat(TeX.toUnicode("Gau\\ss{}sums")).isEqualTo("Gaußsums");
    assertThat(TeX.toUnicode("J{\\o}rgensen")).isEqualTo("Jørgensen");
    assertThat(TeX.toUnicode("Roy \\O stensen")).isEqualTo("Roy Østensen");
    assertThat(TeX.toUnicode("Micha{\\l}owski")).isEqualTo("Michałowski");
    assertThat(TeX.toUnicode("{\\L}ukasz")).isEqualTo("Łukasz");
    assertThat(TeX.toUnicode("Kj{\\ae}rgaard")).isEqualTo("Kjærgaard");
    assertThat(TeX.toUnicode("Einstein-\\AE ther")).isEqualTo("Einstein-Æther");
    assertThat(TeX.toUnicode("C\\'eline B{\\oe}hm")).isEqualTo("Céline Bœhm");
    assertThat(TeX.toUnicode("H{\\aa}kansson")).isEqualTo("Håkansson");
    assertThat(TeX.toUnicode("{\\AA}ke")).isEqualTo("Åke");
    assertThat(TeX.toUnicode("Gu{\\dh}laugur")).isEqualTo("Guðlaugur");
    assertThat(TeX.toUnicode("{\\DJ}or{\\dj}e Savi\\'c")).isEqualTo("Đorđe Savić");
    assertThat(TeX.toUnicode("U. G. J\\o rgensen")).isEqualTo("U. G. Jørgensen");
    assertThat(TeX.toUnicode("B. H\\\"au\\ss ler")).isEqualTo("B. Häußler");
    assertThat(TeX.toUnicode("na\\\"\\i ve")).isEqualTo("naïve");
  }

  @Test
  void keepsTheSpaceAfterAnAngstromThatIsAUnit() {
    assertThat(TeX.toUnicode("the [OI] 6300 \\AA line")).isEqualTo("the [OI] 6300 Å line");
    assertThat(TeX.toUnicode("K I 7699 {\\AA} and")).isEqualTo("K I 7699 Å and");
    assertThat(TeX.toUnicode("result of Horme\\ss and")).isEqualTo("result of Hormeß and");
  }

  @Test
  void repairsLetterMacrosRunIntoTheWordAsArxivAuthorsWriteThem() {
    assertThat(TeX.toUnicode("Jes K. J\\orgensen")).isEqualTo("Jes K. Jørgensen");
    assertThat(TeX.toUnicode("T. A. En\\sslin")).isEqualTo("T. A. Enßlin");
    assertThat(TeX.toUnicode("R. Ko\\los, J. Kre\\lowski")).isEqualTo("R. Kołos, J. Krełowski");
    assertThat(TeX.toUnicode("Przemys\\law Jacewicz")).isEqualTo("Przemysław Jacewicz");
    assertThat(TeX.toUnicode("R. \\Ostensen")).isEqualTo("R. Østensen");
    assertThat(TeX.toUnicode("Mario Juri\\'c, \\vZeljko Ivezi\\'c")).isEqualTo("Mario Jurić, Željko Ivezić");
    assertThat(TeX.toUnicode("\\\"O. \\cCelik")).isEqualTo("Ö. Çelik");
    assertThat(TeX.toUnicode("G. Matijevi\\vc")).isEqualTo("G. Matijevič");
    assertThat(TeX.toUnicode("\\\"U. K\\iz\\ilo\\v{g}lu")).isEqualTo("Ü. Kızıloǧlu");
    assertThat(TeX.toUnicode("A. Beno\\^\\it")).isEqualTo("A. Benoît");
    assertThat(TeX.toUnicode("Instituto de Astrof\\'\\isica de Canarias"))
        .isEqualTo("Instituto de Astrofísica de Canarias");
    assertThat(TeX.toUnicode("Sz\\Hucs")).isEqualTo("Szűcs");
    assertThat(TeX.toUnicode("Joanna Dr{\\ka}\\.zkowska")).isEqualTo("Joanna Drążkowska");
  }

  @Test
  void convertsGreekLettersAndMathMacrosInsideAndOutsideMath() {
    assertThat(TeX.toUnicode("a hyper-parameter $\\lambda$.")).isEqualTo("a hyper-parameter λ.");
    assertThat(TeX.toUnicode("The Tibet As\\gamma Collaboration")).isEqualTo("The Tibet Asγ Collaboration");
    assertThat(TeX.toUnicode("$\\Omega$ and")).isEqualTo("Ω and");
    assertThat(TeX.toUnicode("$N \\rightarrow \\infty$")).isEqualTo("N → ∞");
    assertThat(TeX.toUnicode("$v:2^U\\to \\mathbb{R}_+$")).isEqualTo("v:2^U→R_+");
    assertThat(TeX.toUnicode("$M\\leq N$")).isEqualTo("M≤N");
    assertThat(TeX.toUnicode("retains $\\geq 92%$ of")).isEqualTo("retains ≥ 92% of");
    assertThat(TeX.toUnicode("to $2\\times$")).isEqualTo("to 2×");
    assertThat(TeX.toUnicode("$a = 7.54 \\pm 0.30$")).isEqualTo("a = 7.54 ± 0.30");
    assertThat(TeX.toUnicode("$\\ell_\\infty$")).isEqualTo("ℓ_∞");
    assertThat(TeX.toUnicode("$\\sim$100 nm")).isEqualTo("∼100 nm");
    assertThat(TeX.toUnicode("$\\approx$ 300 fs")).isEqualTo("≈ 300 fs");
    assertThat(TeX.toUnicode("the $\\ell_1$-norm")).isEqualTo("the ℓ1-norm");
    assertThat(TeX.toUnicode("$\\partial\\Omega$")).isEqualTo("∂Ω");
    assertThat(TeX.toUnicode("$\\nabla ζ$")).isEqualTo("∇ ζ");
    assertThat(TeX.toUnicode("$\\sqrt{N}$")).isEqualTo("√N");
    assertThat(TeX.toUnicode("$\\cdot$")).isEqualTo("·");
    assertThat(TeX.toUnicode("$\\{1,\\ldots,k\\}$")).isEqualTo("{1,…,k}");
    assertThat(TeX.toUnicode("otimes\\dots")).isEqualTo("otimes…");
    assertThat(TeX.toUnicode("$\\mu$m")).isEqualTo("μm");
    assertThat(TeX.toUnicode("\\unicode{x2013}")).isEqualTo("–");
  }

  @Test
  void writesScriptsAndFractionsWithoutBraces() {
    assertThat(TeX.toUnicode("$\\mathrm{HfO}_2$")).isEqualTo("HfO2");
    assertThat(TeX.toUnicode("in Ta$_2$NiSe$_5$")).isEqualTo("in Ta2NiSe5");
    assertThat(TeX.toUnicode("the PtN\\$\\_\\{2\\}\\$ nanoribbons")).isEqualTo("the PtN$_{2}$ nanoribbons");
    assertThat(TeX.toUnicode("$\\nu_\\mu$ and $\\nu_\\tau$ neutrinos")).isEqualTo("ν_μ and ν_τ neutrinos");
    assertThat(TeX.toUnicode("revealed by $^{125}$Te NMR")).isEqualTo("revealed by ^125Te NMR");
    assertThat(TeX.toUnicode("interlinked $\\chi^{(2)}$ parametric")).isEqualTo("interlinked χ^(2) parametric");
    assertThat(TeX.toUnicode("$1M_{\\odot} \\le M \\le 8M_{\\odot}$")).isEqualTo("1M_⊙ ≤ M ≤ 8M_⊙");
    assertThat(TeX.toUnicode("$10^5 \\times")).isEqualTo("$10^5 ×");
    assertThat(TeX.toUnicode("$\\mathrm{U}(1)$")).isEqualTo("U(1)");
    assertThat(TeX.toUnicode("$\\sim{n}^\\gamma$")).isEqualTo("∼n^γ");
    assertThat(TeX.toUnicode("\\(M^{(f)}_{ij}=I_f(X_i")).isEqualTo("M^(f)_ij=I_f(X_i");
    assertThat(TeX.toUnicode("$(\\mathcal{L},\\mathcal{P})$-TGRS codes")).isEqualTo("(L,P)-TGRS codes");
    assertThat(TeX.toUnicode("at \\(2560\\times 1440\\)res")).isEqualTo("at 2560×1440res");
  }

  @Test
  void dropsTextMacrosAndKeepsTheirText() {
    assertThat(TeX.toUnicode("\\emph{ab initio}")).isEqualTo("ab initio");
    assertThat(TeX.toUnicode("\\textit{in situ}")).isEqualTo("in situ");
    assertThat(TeX.toUnicode("\\textbf{A}")).isEqualTo("A");
    assertThat(TeX.toUnicode("$\\mathcal{R}$")).isEqualTo("R");
    assertThat(TeX.toUnicode("\\texttt{FedAdamW}")).isEqualTo("FedAdamW");
  }

  @Test
  void convertsEscapesDashesQuotesAndTies() {
    assertThat(TeX.toUnicode("Tanks \\& Temples")).isEqualTo("Tanks & Temples");
    assertThat(TeX.toUnicode("50\\%")).isEqualTo("50%");
    assertThat(TeX.toUnicode("llama\\_ros")).isEqualTo("llama_ros");
    assertThat(TeX.toUnicode("Bose--Einstein")).isEqualTo("Bose–Einstein");
    assertThat(TeX.toUnicode("where---due")).isEqualTo("where—due");
    assertThat(TeX.toUnicode("``classical''")).isEqualTo("“classical”");
    assertThat(TeX.toUnicode("R.~Hoffmann")).isEqualTo("R. Hoffmann");
    assertThat(TeX.toUnicode("Benjamin V.\\ Rackham")).isEqualTo("Benjamin V. Rackham");
  }

  @Test
  void removesGroupingBracesAndMathDollarsButKeepsEscapedBraces() {
    assertThat(TeX.toUnicode("$n=5f{+}1$")).isEqualTo("n=5f+1");
    assertThat(TeX.toUnicode("$\\{10,3\\}$")).isEqualTo("{10,3}");
    assertThat(TeX.toUnicode("0.67{\\deg}C")).isEqualTo("0.67°C");
  }

  @Test
  void keepsDollarsThatAreMoney() {
    assertThat(TeX.toUnicode("rankings at just $4 per test")).isEqualTo("rankings at just $4 per test");
    assertThat(TeX.toUnicode("at $9.6-$14.4 billion")).isEqualTo("at $9.6-$14.4 billion");
    assertThat(TeX.toUnicode("around $250, and an average of $306"))
        .isEqualTo("around $250, and an average of $306");
    assertThat(TeX.toUnicode("costs between \\$48-\\$74 per persuaded voter"))
        .isEqualTo("costs between $48-$74 per persuaded voter");
  }

  @Test
  void keepsWhatItDoesNotUnderstand() {
    assertThat(TeX.toUnicode("\\ours{} generates")).isEqualTo("\\ours{} generates");
    assertThat(TeX.toUnicode("OpenOOD benchmark~\\cite{yang2022openood}"))
        .isEqualTo("OpenOOD benchmark \\cite{yang2022openood}");
    assertThat(TeX.toUnicode("\\foo")).isEqualTo("\\foo");
    assertThat(TeX.toUnicode("http://www.example.edu/~user")).isEqualTo("http://www.example.edu/~user");
  }

  @Test
  void leavesPlainTextAloneAndNullNull() {
    String plain = "A fully differential calculation in perturbative quantum chromodynamics";
    assertThat(TeX.toUnicode(plain)).isSameAs(plain);
    assertThat(TeX.toUnicode("Dirk Wübben")).isEqualTo("Dirk Wübben");
    assertThat(TeX.toUnicode("Tolu\u0301l")).isEqualTo("Tolúl");
    assertThat(TeX.toUnicode(null)).isNull();
    assertThat(TeX.toUnicode("")).isEmpty();
  }

  @Test
  void leavesNoAccentMacroInTheFirstRecordsOfTheSnapshot() throws Exception {
    Path file = Path.of(System.getProperty("paperdex.shared", "../shared"),
        "data/arxiv-kaggle-format/arxiv-metadata-oai-snapshot.first200.jsonl");
    Assumptions.assumeTrue(Files.isRegularFile(file), "no shared data at " + file);

    ObjectMapper json = new ObjectMapper();
    List<String> leftovers = new ArrayList<>();
    int values = 0;
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode record = json.readTree(line);
        for (String field : List.of("title", "abstract", "authors")) {
          JsonNode value = record.get(field);
          if (value == null || !value.isTextual()) {
            continue;
          }
          values++;
          String unicode = TeX.toUnicode(value.asText());
          assertThat(Normalizer.isNormalized(unicode, Normalizer.Form.NFC)).isTrue();
          for (String macro : List.of("\\'", "\\\"", "\\`", "\\^", "\\~")) {
            if (unicode.contains(macro)) {
              leftovers.add(record.path("id").asText() + " " + field + ": " + unicode);
            }
          }
        }
      }
    }
    assertThat(values).isGreaterThan(500);
    assertThat(leftovers).isEmpty();
  }
}
