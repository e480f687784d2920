package se.radhus.portal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.radhus.portal.domain.Snippets.Segment;

class SnippetsTest {

    @Test
    void marksTheMatchedWords() {
        assertThat(Snippets.parse("att godkänna <em>upphandlingen</em> av <em>stolar</em>.")).containsExactly(
                new Segment("att godkänna ", false), new Segment("upphandlingen", true), new Segment(" av ", false),
                new Segment("stolar", true), new Segment(".", false));
    }

    @Test
    void anythingElseIsText() {
        assertThat(Snippets.parse("<b>fet</b> <em>ord</em> <script>x</script>")).containsExactly(
                new Segment("<b>fet</b> ", false), new Segment("ord", true), new Segment(" <script>x</script>", false));
    }

    @Test
    void anUnclosedMarkIsText() {
        assertThat(Snippets.parse("början <em>slut")).containsExactly(new Segment("början <em>slut", false));
    }

    @Test
    void emptyAndNone() {
        assertThat(Snippets.parse("")).isEmpty();
        assertThat(Snippets.parse(null)).isEmpty();
        assertThat(Snippets.parse("<em></em>")).isEqualTo(List.of());
    }
}
