package generate

import (
	"os"
	"strings"
	"testing"

	"recall/internal/deck"
)

// noClozeHiding fails if a cloze of d hides s or a text containing s.
func noClozeHiding(t *testing.T, d deck.Deck, s string) {
	t.Helper()
	for _, c := range d.Cards {
		if c.Type == deck.Cloze && strings.Contains(deck.ClozeAnswer(c.Front, c.Ord), s) {
			t.Errorf("cloze %q hides %q", c.Front, s)
		}
	}
}

// noFrontWith fails if a card's front contains s.
func noFrontWith(t *testing.T, d deck.Deck, s string) {
	t.Helper()
	for _, c := range d.Cards {
		if strings.Contains(c.Front, s) {
			t.Errorf("card %q contains %q", c.Front, s)
		}
	}
}

// The project's own README: commands, flags, paths, a list of
// "**Name**: instruction" items and a table of exit codes.
func TestReadmeCardsAskAboutTheProgramNotItsSyntax(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Skip("README.md not found next to the module: nothing to read")
	}
	d := gen(t, "README.md", string(data))
	checkInvariants(t, d)
	wantBasic(t, d, "What is recall?", "A terminal program for learning with flashcards and quizzes")
	wantBasic(t, d, "How do you move to recall from Anki?", "Export your collection as a .colpkg (or a deck as .apkg) and recall import FILE")
	wantBasic(t, d, "What does exit code 0 mean?", "Success")
	wantBasic(t, d, "What does exit code 130 mean?", "Interrupted (Ctrl-C); everything answered is saved, and a change still in progress is not")
	// The list stops at ";" and before its verb. (The sentence after,
	// which opens with a flag, is not yet split off.)
	wantCloze(t, d, "Results go to stdout; [3 items] go to stderr. --now TIME (or RECALL_NOW) pretends the current time is TIME, for simulations and demos.", "prompts, progress and hints")
	// "It schedules" says what "it" is instead of a "Recall:" prefix.
	for _, c := range d.Cards {
		if strings.HasPrefix(c.Front, "Recall: It") || strings.HasPrefix(c.Front, "It ") {
			t.Errorf("cloze %q leans on \"It\"", c.Front)
		}
	}
	noFrontWith(t, d, "What is the during")
	noFrontWith(t, d, "What is Anki?")
	noFrontWith(t, d, "What is 0?")
	for _, s := range []string{"EDITOR", "--json", "--db", "card_id", "review_rating", "go install", "1-4", "0600", "stdout; prompts", "TIME, for"} {
		noClozeHiding(t, d, s)
	}
}

// A command-line tool's usage page: code blocks, a table of flags, an
// instruction list and a table of exit statuses.
func TestCLIUsageDocAsksWhatFlagsDo(t *testing.T) {
	d := genFile(t, "testdata/tidy-cli.md")
	wantBasic(t, d, "What is tidy?", "A command-line tool that sorts and deduplicates the lines of text files")
	wantBasic(t, d, "What does the flag -u do?", "Drop repeated lines")
	wantBasic(t, d, "What does the flag --in-place do?", "Rewrite each file instead of printing")
	wantBasic(t, d, "What does exit status 1 mean?", "Some file changed")
	// Instructions under a heading that names no action are no definitions.
	noFrontWith(t, d, "What is colour?")
	noFrontWith(t, d, "What is locale?")
	noFrontWith(t, d, "What is 1?")
	for _, s := range []string{"--backup", "SUFFIX", "config.toml", "0644", "tidy/", "TIDY_LOCALE", "--color"} {
		noClozeHiding(t, d, s)
	}
}

// An API reference whose headings are calls: each asks what the call
// does, and its errors when they are returned.
func TestAPIReferenceAsksWhatEachCallDoes(t *testing.T) {
	d := genFile(t, "testdata/geom-api.md")
	wantBasic(t, d, "What does distance(p, q) do?", "Returns the Euclidean distance between points p and q")
	wantBasic(t, d, "What does centroid(poly) do?", "Computes the centre of mass of poly")
	wantBasic(t, d, "When is ErrEmpty returned?", "When a shape has no points")
	wantBasic(t, d, "What are the 2 errors of geom?", "ErrEmpty\nErrOpen")
	noClozeHiding(t, d, "Returns")
	noFrontWith(t, d, "What is ErrOpen?")
}

func TestInstructionIsNotADefinition(t *testing.T) {
	for _, c := range []struct {
		content string
		codes   []string
		want    bool
	}{
		{"export your collection as a .colpkg", nil, true},
		{"pass --color=never to turn colours off", []string{"--color=never"}, true},
		{"recall import FILE reads it", []string{"recall import FILE"}, true},
		{"the capital of France", nil, false},
		{"a language made at Google", nil, false},
		{"spaced repetition software", nil, false},
	} {
		if got := isInstruction(c.content, c.codes); got != c.want {
			t.Errorf("isInstruction(%q) = %v, want %v", c.content, got, c.want)
		}
	}
}

func TestHowQuestionFollowsTheHeading(t *testing.T) {
	for _, c := range []struct{ heading, item, topic, want string }{
		{"Coming from another program", "Anki", "recall", "How do you move to recall from Anki?"},
		{"Coming from another program", "CSV, TSV, Quizlet", "recall", "How do you move to recall from CSV, TSV or Quizlet?"},
		{"Installing on another machine", "Debian", "tidy", "How do you install on Debian?"},
		{"Configuration", "locale", "tidy", ""},
	} {
		if got := howQuestion(c.heading, c.item, c.topic); got != c.want {
			t.Errorf("howQuestion(%q, %q) = %q, want %q", c.heading, c.item, got, c.want)
		}
	}
}

func TestHidesCodeKeepsWholeProseIdentifiers(t *testing.T) {
	s := "Callers must guard it with a sync.Mutex and edit in $EDITOR, mode 0600."
	at := func(w, kind string) cspan {
		k := strings.Index(s, w)
		return cspan{start: k, end: k + len(w), kind: kind}
	}
	if hidesCode(s, at("sync.Mutex", "code"), nil) {
		t.Error("a whole identifier named in prose was refused")
	}
	if !hidesCode(s, at("EDITOR", "name"), nil) {
		t.Error("part of $EDITOR was allowed")
	}
	if !hidesCode(s, at("0600", "number"), nil) {
		t.Error("an octal mode was allowed")
	}
	if !hidesCode(s, at("guard", "name"), []string{"guard it"}) {
		t.Error("part of an inline code span was allowed")
	}
}
