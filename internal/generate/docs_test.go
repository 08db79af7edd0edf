package generate

import (
	"os"
	"testing"

	"recall/internal/deck"
)

func genFile(t *testing.T, path string) deck.Deck {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := gen(t, path, string(data))
	checkInvariants(t, d)
	return d
}

// A Markdown how-to with front matter, code blocks, a table, a blockquote
// and a definition list.
func TestMarkdownHowTo(t *testing.T) {
	d := genFile(t, "testdata/bisect.md")
	if d.Name != "Finding a bad commit with git bisect" {
		t.Errorf("deck name %q", d.Name)
	}
	wantBasic(t, d, "What is git bisect?", "A Git command that uses binary search to find the commit that introduced a bug")
	wantBasic(t, d, "Why does git bisect matter?", "Reading the log by hand takes hours on a busy project.")
	wantBasic(t, d, "What are the 4 requirements of git bisect?", "Git 2.7 or later\nA commit known to be good\nA commit known to be bad\nA reliable way to tell them apart")
	wantBasic(t, d, "What are the 4 steps of starting a session?", "Start bisecting from the top of the working tree\nMark the current commit as bad\nMark the last release as good\nTest the commit Git checks out and report the result")
	wantBasic(t, d, "What is a good commit?", "A commit in which the bug does not appear")
	wantBasic(t, d, "What does exit code 125 mean?", "The commit cannot be tested and should be skipped")
	wantBasic(t, d, "What does the subcommand reset do?", "Ends the session and returns to the original branch")
	wantBasic(t, d, "What is binary search?", "A search that halves the remaining range at every step")
	wantCloze(t, d, "Each step halves the range of suspect commits, so about [...] steps are enough for 4,000 commits.", "12")
	wantCloze(t, d, "Linus Torvalds wrote the first version of the command in [...].", "2005")
	// The code blocks hold commands; none may become a card.
	for _, s := range []string{"v1.4.0", "./test.sh", "git bisect start", "git-scm.com", "tags:"} {
		noCardMentions(t, d, s)
	}
}

// A short HTML page with a script, a style sheet, navigation, a table, a
// definition list and a quotation.
func TestHTMLPage(t *testing.T) {
	d := genFile(t, "testdata/saturn.html")
	if d.Name != "Saturn" {
		t.Errorf("deck name %q", d.Name)
	}
	wantBasic(t, d, "What is Saturn?", "The sixth planet from the Sun and the second largest in the Solar System, after Jupiter")
	wantCloze(t, d, "Saturn is a gas giant with an average radius of about [...].", "58,232 km")
	wantBasic(t, d, "What are Saturn's rings made of?", "The rings are made mostly of water ice, with smaller amounts of rocky debris and dust.")
	wantCloze(t, d, "Saturn: The rings extend up to [...] from the planet but are usually only about 10 metres thick.", "282,000 km")
	wantBasic(t, d, "What is the diameter of Titan?", "5,150 km")
	wantBasic(t, d, "Who discovered Rhea?", "Giovanni Cassini")
	wantBasic(t, d, "Which four spacecraft have visited Saturn?", "Pioneer 11\nVoyager 1\nVoyager 2\nCassini-Huygens")
	wantCloze(t, d, "The Cassini mission orbited the planet from [...] to 2017 and ended with a planned plunge into its atmosphere.", "2004")
	wantBasic(t, d, "What is Cassini Division?", "The 4,800 km wide gap between Saturn's A ring and B ring")
	wantBasic(t, d, `Who said "Saturn is the jewel of the Solar System"?`, "Carl Sagan")
	for _, s := range []string{"trackingId", "written by a script", "font-family", "Home", "About", "Related", "rights reserved", "Uranus"} {
		noCardMentions(t, d, s)
	}
}

// A plain-text Go package documentation: code lines between prose, an
// indented doc comment under each declaration, headings of their own.
func TestPlainTextPackageDoc(t *testing.T) {
	d := genFile(t, "testdata/ringbuf.txt")
	if d.Name != "Ringbuf" {
		t.Errorf("deck name %q", d.Name)
	}
	wantBasic(t, d, "What does package ringbuf implement?", "A fixed-size circular buffer of bytes")
	wantBasic(t, d, "What is DefaultSize?", "The capacity used by New when size is zero")
	wantBasic(t, d, "What is the zero value of a Buffer?", "An empty buffer of DefaultSize bytes, ready to use")
	wantBasic(t, d, "What does New do?", "Returns a Buffer that holds at most size bytes")
	wantBasic(t, d, "What does Reset do?", "Empties the buffer but keeps its storage for reuse")
	wantCloze(t, d, "Callers that share one between goroutines must guard it with a [...].", "sync.Mutex")
	wantCloze(t, d, "The smallest capacity is [...] and the largest is 1 GiB.", "64 bytes")
	for _, s := range []string{"func ", "int64", "io.Writer", "unexported", "4096", "import"} {
		noCardMentions(t, d, s)
	}
}

// An HTML FAQ: question headings, a list of steps under a question, a
// sentence that only looks labelled.
func TestHTMLQuestionsPage(t *testing.T) {
	d := genFile(t, "testdata/sourdough.html")
	wantBasic(t, d, "What is a starter?", "A fermented mixture of flour and water that contains wild yeast and lactic acid bacteria")
	wantBasic(t, d, "How often should I feed it? (sourdough)", "Feed a starter kept at room temperature every 12 to 24 hours; one kept in the fridge needs feeding about once a week.")
	wantCloze(t, d, "Most bakers use a 1:1:1 ratio: [3 items] by weight.", "one part starter, one part flour and one part water")
	// Steps under a question heading are no enumeration, but their facts
	// are asked, with the topic as context.
	wantCloze(t, d, "Sourdough: Bulk ferment for [...].", "4 to 6 hours")
	wantCloze(t, d, "Temperature matters: dough at [...] ferments about twice as fast as dough at 18 °C.", "24 °C")
	for _, c := range d.Cards {
		if c.Front == "What are the temperature matters of sourdough?" {
			t.Errorf("a sentence taken for a label: %q", c.Front)
		}
	}
	for _, s := range []string{"Bake Better", "Recipes", "trackPage", "2024"} {
		noCardMentions(t, d, s)
	}
}

func TestQuoteSpeakerHasNoBlankBeforeAComma(t *testing.T) {
	d := gen(t, "q.txt", "\"Curiosity is the wick in the candle of learning,\" said William Arthur Ward , in a talk.\n")
	wantBasic(t, d, `Who said "Curiosity is the wick in the candle of learning"?`, "William Arthur Ward")
}
