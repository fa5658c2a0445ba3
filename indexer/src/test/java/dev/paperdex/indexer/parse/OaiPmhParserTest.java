package dev.paperdex.indexer.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdex.indexer.SkipReason;
import dev.paperdex.searcher.Paper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OaiPmhParserTest {

  @TempDir
  Path temp;

  @Test
  void readsEveryFieldOfTheArxivFormat() throws Exception {
    CollectingSink sink = CollectingSink.parse(new OaiPmhParser(), "oai-listrecords-arxiv.xml");

    assertThat(sink.skips).isEmpty();
    assertThat(sink.papers).extracting(Paper::id).containsExactly("2604.01234", "hep-th/9901001", "2603.05555");
    Paper paper = sink.byId().get("2604.01234");
    assertThat(paper.version()).isEqualTo(1);
    assertThat(paper.title()).isEqualTo("Gradient Noise as a Regulariser in Shallow Networks");
    assertThat(paper.abstractText()).isEqualTo(
        "We show that gradient noise acts as a regulariser in shallow networks. "
            + "Our bounds hold for ℓ2 penalties & early stopping <sic>.");
    assertThat(paper.authors())
        .containsExactly("Maja K. Lindqvist", "Pieter van der Berg", "Chidi Okafor Jr.", "Quantum Gravel Collaboration");
    assertThat(paper.categories()).containsExactly("cs.LG", "stat.ML", "cs.AI");
    assertThat(paper.primaryCategory()).isEqualTo("cs.LG");
    assertThat(paper.published()).isEqualTo(Instant.parse("2026-03-30T00:00:00Z"));
    assertThat(paper.updated()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
    assertThat(paper.comments()).isEqualTo("14 pages, 5 figures; v2: typos fixed");
    assertThat(paper.reportNumber()).isEqualTo("QGC-2026-07");
    assertThat(paper.mscClass()).isEqualTo("68T07, 62M45");
    assertThat(paper.acmClass()).isEqualTo("I.2.6");
    assertThat(paper.journalRef()).isEqualTo("J. Shallow Learn. 3 (2026) 17-30");
    assertThat(paper.doi()).isEqualTo("10.5555/jsl.2026.017");
    assertThat(paper.license()).isEqualTo("http://creativecommons.org/licenses/by/4.0/");
    assertThat(paper.withdrawn()).isFalse();
    assertThat(sink.positions.get(0)).isEqualTo("record 1");
  }

  @Test
  void keepsOldStyleIdsAndTakesCreatedAsUpdatedWhenThereIsNoUpdate() throws Exception {
    CollectingSink sink = CollectingSink.parse(new OaiPmhParser(), "oai-listrecords-arxiv.xml");

    Paper paper = sink.byId().get("hep-th/9901001");
    assertThat(paper.version()).isEqualTo(1);
    assertThat(paper.authors()).containsExactly("A. Moreau");
    assertThat(paper.categories()).containsExactly("hep-th");
    assertThat(paper.published()).isEqualTo(Instant.parse("1999-01-04T00:00:00Z"));
    assertThat(paper.updated()).isEqualTo(paper.published());
    assertThat(paper.comments()).isNull();
    assertThat(paper.doi()).isNull();
    assertThat(paper.journalRef()).isNull();
    assertThat(paper.license()).isNull();
  }

  @Test
  void aCommentSayingWithdrawnMarksThePaperWithdrawn() throws Exception {
    CollectingSink sink = CollectingSink.parse(new OaiPmhParser(), "oai-listrecords-arxiv.xml");

    assertThat(sink.byId().get("2603.05555").withdrawn()).isTrue();
  }

  @Test
  void notesThatMoreRecordsFollowAResumptionToken() throws Exception {
    CollectingSink sink = CollectingSink.parse(new OaiPmhParser(), "oai-listrecords-arxiv.xml");

    assertThat(sink.notes)
        .containsExactly("more records follow (resumptionToken 7123456|1001, cursor 0, of completeListSize 2417)");
  }

  @Test
  void readsEveryFieldAndVersionOfTheArxivRawFormat() throws Exception {
    CollectingSink sink = CollectingSink.parse(new OaiPmhParser(), "oai-getrecord-arxivraw.xml");

    assertThat(sink.skips).isEmpty();
    assertThat(sink.notes).isEmpty();
    Paper paper = sink.papers.getFirst();
    assertThat(sink.papers).hasSize(1);
    assertThat(paper.id()).isEqualTo("0704.0042");
    assertThat(paper.version()).isEqualTo(3);
    assertThat(paper.versionedId()).isEqualTo("0704.0042v3");
    assertThat(paper.published()).isEqualTo(Instant.parse("2007-04-02T19:18:42Z"));
    assertThat(paper.updated()).isEqualTo(Instant.parse("2010-02-10T23:59:59Z"));
    assertThat(paper.title()).isEqualTo("Counting Lattice Paths under a Parabola");
    assertThat(paper.abstractText()).isEqualTo("We count lattice paths that stay under a parabola.");
    assertThat(paper.authors()).containsExactly("Ana Ruiz", "Bo Chen", "Carla Dias");
    assertThat(paper.categories()).containsExactly("math.CO", "math.PR");
    assertThat(paper.comments()).isEqualTo("9 pages; v3: published version");
    assertThat(paper.reportNumber()).isEqualTo("LPP-07-2");
    assertThat(paper.mscClass()).isEqualTo("05A15");
    assertThat(paper.acmClass()).isEqualTo("G.2.1");
    assertThat(paper.journalRef()).isEqualTo("Discrete Paths 12 (2010) 1-9");
    assertThat(paper.doi()).isEqualTo("10.5555/dp.2010.001");
    assertThat(paper.license()).isEqualTo("http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
    assertThat(paper.withdrawn()).isFalse();
  }

  @Test
  void arxivRawVersionsCountByTheirNumberNotTheirOrderAndAnEmptyLastVersionIsAWithdrawal() throws Exception {
    CollectingSink sink = parse("""
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><GetRecord><record>
        <header><identifier>oai:arXiv.org:1001.00001</identifier></header>
        <metadata><arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/"><id>1001.00001</id>
        <version version="v2"><date>Fri, 5 Feb 2010 10:00:00 GMT</date><size>0kb</size></version>
        <version version="v1"><date>Mon, 4 Jan 2010 09:00:00 GMT</date><size>12kb</size></version>
        <title>Gone</title><authors>X. Y</authors><comments>an error in the proof</comments></arXivRaw></metadata>
        </record></GetRecord></OAI-PMH>
        """);

    Paper paper = sink.papers.getFirst();
    assertThat(paper.version()).isEqualTo(2);
    assertThat(paper.published()).isEqualTo(Instant.parse("2010-01-04T09:00:00Z"));
    assertThat(paper.updated()).isEqualTo(Instant.parse("2010-02-05T10:00:00Z"));
    assertThat(paper.withdrawn()).isTrue();
  }

  @Test
  void readsTheOaiDublinCoreFormat() throws Exception {
    CollectingSink sink = CollectingSink.parse(new OaiPmhParser(), "oai-listrecords-oai_dc.xml");

    assertThat(sink.skips).isEmpty();
    assertThat(sink.notes).isEmpty();
    assertThat(sink.papers).extracting(Paper::id).containsExactly("1811.00777", "math/0601001");
    Paper paper = sink.byId().get("1811.00777");
    assertThat(paper.version()).isEqualTo(1);
    assertThat(paper.title()).isEqualTo("Slow Light in Warm Vapour Cells");
    assertThat(paper.abstractText()).isEqualTo("We slow light to walking pace in a warm vapour cell.");
    assertThat(paper.comments()).isEqualTo("6 pages, 2 figures");
    assertThat(paper.authors()).containsExactly("Ada Nwosu", "Jens Erik Olsen", "Vapour Optics Team");
    assertThat(paper.categories()).as("subjects are names, not category codes").isEmpty();
    assertThat(paper.published()).isEqualTo(Instant.parse("2018-11-02T00:00:00Z"));
    assertThat(paper.updated()).isEqualTo(Instant.parse("2026-03-31T00:00:00Z"));
    assertThat(paper.doi()).isEqualTo("10.5555/os.2019.044");
    assertThat(paper.journalRef()).isEqualTo("Opt. Slow. 7 (2019) 44");
    assertThat(paper.withdrawn()).isFalse();

    Paper old = sink.byId().get("math/0601001");
    assertThat(old.authors()).containsExactly("K. Weber");
    assertThat(old.published()).isEqualTo(Instant.parse("2006-01-01T00:00:00Z"));
    assertThat(old.updated()).isEqualTo(old.published());
    assertThat(old.comments()).isNull();
    assertThat(old.doi()).isNull();
    assertThat(old.journalRef()).isNull();
  }

  @Test
  void noRecordsMatchIsANoteNotASkip() throws Exception {
    CollectingSink sink = CollectingSink.parse(new OaiPmhParser(), "oai-no-records-match.xml");

    assertThat(sink.papers).isEmpty();
    assertThat(sink.skips).isEmpty();
    assertThat(sink.notes).containsExactly("no records match (nothing new)");
  }

  @Test
  void idDoesNotExistIsAnErrorResponseNamingTheCode() throws Exception {
    CollectingSink sink = CollectingSink.parse(new OaiPmhParser(), "oai-id-does-not-exist.xml");

    assertThat(sink.papers).isEmpty();
    assertThat(sink.notes).isEmpty();
    assertThat(sink.skips).singleElement().satisfies(skip -> {
      assertThat(skip.reason()).isEqualTo(SkipReason.ERROR_RESPONSE);
      assertThat(skip.position()).isNull();
      assertThat(skip.detail()).isEqualTo("idDoesNotExist: Identifier 'oai:arXiv.org:2604.99999' does not correspond"
          + " to an item in this repository");
      assertThat(skip.toString()).contains("oai-id-does-not-exist.xml: error response from arXiv: idDoesNotExist");
    });
  }

  @Test
  void anErrorWithoutMessageNamesTheRequest() throws Exception {
    CollectingSink sink = parse("""
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
          <responseDate>2026-04-02T10:00:00Z</responseDate>
          <request verb="GetRecord" identifier="oai:arXiv.org:2604.00001" metadataPrefix="marc">http://export.arxiv.org/oai2</request>
          <error code="cannotDisseminateFormat"/>
        </OAI-PMH>
        """);

    assertThat(sink.skips).singleElement().satisfies(skip -> {
      assertThat(skip.reason()).isEqualTo(SkipReason.ERROR_RESPONSE);
      assertThat(skip.detail())
          .isEqualTo("cannotDisseminateFormat (GetRecord identifier=oai:arXiv.org:2604.00001, metadataPrefix=marc)");
    });
  }

  @Test
  void keepsTheCompleteRecordsOfATruncatedFileAndSkipsTheCutOne() throws Exception {
    CollectingSink sink = CollectingSink.parse(new OaiPmhParser(), "oai-truncated.xml");

    assertThat(sink.papers).extracting(Paper::id).containsExactly("2604.02001", "2604.02002");
    assertThat(sink.byId().get("2604.02002").categories()).containsExactly("econ.GN", "cs.GT");
    assertThat(sink.skips).singleElement().satisfies(skip -> {
      assertThat(skip.reason()).isEqualTo(SkipReason.MALFORMED);
      assertThat(skip.position()).isEqualTo("record 3");
      assertThat(skip.detail()).isEqualTo("the file ends inside this record (truncated)");
    });
  }

  @Test
  void aFileCutBeforeItsFirstRecordIsMalformed() throws Exception {
    CollectingSink sink = parse("""
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
        <responseDate>2026-04-02T10:00:00Z</responseDate>
        <request verb="ListRecords" metadataPrefix="arXiv">http://export.arxiv.org/oai2</request>
        <ListRecords>
        <rec""");

    assertThat(sink.papers).isEmpty();
    assertThat(sink.skips).singleElement().satisfies(skip -> {
      assertThat(skip.reason()).isEqualTo(SkipReason.MALFORMED);
      assertThat(skip.position()).isNull();
    });
  }

  @Test
  void countsDeletedRecordsInANoteInsteadOfIndexingThem() throws Exception {
    CollectingSink sink = CollectingSink.parse(new OaiPmhParser(), "oai-deleted-record.xml");

    assertThat(sink.papers).extracting(Paper::id).containsExactly("2604.03002");
    assertThat(sink.skips).isEmpty();
    assertThat(sink.notes).containsExactly(
        "2 deleted records (header status=\"deleted\"), not indexed: oai:arXiv.org:2604.03001, "
            + "oai:arXiv.org:math/0309123");
  }

  @Test
  void readsResponsesWhoseNamespacesWereStripped() throws Exception {
    CollectingSink sink = parse("""
        <OAI-PMH>
          <request verb="ListRecords" metadataPrefix="arXiv">http://export.arxiv.org/oai2</request>
          <ListRecords>
            <record>
              <header><identifier>oai:arXiv.org:2604.04001</identifier></header>
              <metadata>
                <arXiv>
                  <id>2604.04001</id>
                  <created>2026-04-01</created>
                  <authors><author><keyname>Ng</keyname><forenames>Wei</forenames></author></authors>
                  <title>Plain Tags</title>
                  <categories>cs.DL</categories>
                </arXiv>
              </metadata>
            </record>
            <record>
              <header><identifier>oai:arXiv.org:2604.04002</identifier></header>
              <metadata>
                <dc>
                  <title>Plain Dublin Core</title>
                  <creator>Ng, Wei</creator>
                  <date>2026-04-01</date>
                  <identifier>http://arxiv.org/abs/2604.04002</identifier>
                </dc>
              </metadata>
            </record>
            <record>
              <header><identifier>oai:arXiv.org:2604.04003</identifier></header>
              <metadata>
                <arXivRaw>
                  <id>2604.04003</id>
                  <version version="v1"><date>Wed, 1 Apr 2026 12:00:00 GMT</date><size>3kb</size></version>
                  <title>Plain Raw</title>
                  <authors>Wei Ng</authors>
                  <categories>cs.DL</categories>
                </arXivRaw>
              </metadata>
            </record>
          </ListRecords>
        </OAI-PMH>
        """);

    assertThat(sink.skips).isEmpty();
    assertThat(sink.papers).extracting(Paper::id).containsExactly("2604.04001", "2604.04002", "2604.04003");
    assertThat(sink.papers).extracting(Paper::title).containsExactly("Plain Tags", "Plain Dublin Core", "Plain Raw");
    assertThat(sink.papers).allSatisfy(paper -> assertThat(paper.authors()).containsExactly("Wei Ng"));
  }

  @Test
  void readsResponsesWithPrefixedOaiElements() throws Exception {
    CollectingSink sink = parse("""
        <oai:OAI-PMH xmlns:oai="http://www.openarchives.org/OAI/2.0/">
          <oai:GetRecord><oai:record>
            <oai:header><oai:identifier>oai:arXiv.org:2604.05001</oai:identifier></oai:header>
            <oai:metadata><a:arXiv xmlns:a="http://arxiv.org/OAI/arXiv/">
              <a:id>2604.05001</a:id><a:title>Prefixed</a:title><a:categories>math.LO</a:categories>
            </a:arXiv></oai:metadata>
          </oai:record></oai:GetRecord>
        </oai:OAI-PMH>
        """);

    assertThat(sink.skips).isEmpty();
    assertThat(sink.papers).singleElement().satisfies(paper -> {
      assertThat(paper.id()).isEqualTo("2604.05001");
      assertThat(paper.title()).isEqualTo("Prefixed");
      assertThat(paper.categories()).containsExactly("math.LO");
    });
  }

  @Test
  void skipsRecordsWithoutIdOrTitleOrInAnUnknownFormat() throws Exception {
    CollectingSink sink = parse("""
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><ListRecords>
        <record><header><datestamp>2026-04-01</datestamp></header>
          <metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><title>No Id Anywhere</title></arXiv></metadata></record>
        <record><header><identifier>oai:arXiv.org:2604.06002</identifier></header>
          <metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>2604.06002</id><abstract>Only this.</abstract></arXiv></metadata></record>
        <record><header><identifier>oai:arXiv.org:2604.06003</identifier></header>
          <metadata><arXivOld xmlns="http://arxiv.org/OAI/arXivOld/"><id>2604.06003</id></arXivOld></metadata></record>
        <record><header><identifier>oai:arXiv.org:2604.06004</identifier></header>
          <metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><title>Id From The Header</title></arXiv></metadata></record>
        <record><header><identifier>oai:arXiv.org:not-an-id</identifier></header>
          <metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>garbage</id><title>Bad Id</title></arXiv></metadata></record>
        </ListRecords></OAI-PMH>
        """);

    assertThat(sink.papers).extracting(Paper::id).containsExactly("2604.06004");
    assertThat(sink.skips).extracting(skip -> skip.position() + " " + skip.reason()).containsExactly(
        "record 1 NO_ID", "record 2 MISSING_FIELD", "record 3 UNKNOWN_FORMAT", "record 5 NO_ID");
    assertThat(sink.skips.get(1).detail()).isEqualTo("record 2604.06002 has no title");
    assertThat(sink.skips.get(3).detail()).isEqualTo("no arXiv id in garbage or oai:arXiv.org:not-an-id");
  }

  @Test
  void dropsAuthorEntriesThatAreNotNames() throws Exception {
    CollectingSink sink = parse("""
        <OAI-PMH><GetRecord><record><metadata><arXiv><id>1603.00001</id><title>T</title><authors>
        <author><keyname>Collaborations</keyname><forenames>BICEP2</forenames></author>
        <author><keyname>:</keyname></author>
        <author><keyname>Ade</keyname><forenames>P.</forenames></author>
        </authors></arXiv></metadata></record></GetRecord></OAI-PMH>
        """);

    assertThat(sink.papers.getFirst().authors()).containsExactly("BICEP2 Collaborations", "P. Ade");
  }

  @Test
  void otherVerbsHoldNoPapersAndGetANote() throws Exception {
    CollectingSink sink = parse("""
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
        <request verb="Identify">http://export.arxiv.org/oai2</request>
        <Identify><repositoryName>arXiv</repositoryName></Identify>
        </OAI-PMH>
        """);

    assertThat(sink.papers).isEmpty();
    assertThat(sink.skips).isEmpty();
    assertThat(sink.notes).containsExactly("OAI-PMH Identify response: no records");
  }

  private CollectingSink parse(String xml) throws Exception {
    Path file = Files.writeString(temp.resolve("response.xml"), xml);
    CollectingSink sink = new CollectingSink();
    new OaiPmhParser().parse(new SourceFile(file), sink);
    return sink;
  }
}
