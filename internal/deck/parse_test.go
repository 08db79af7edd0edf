package deck

import (
	"errors"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

const testFile = "decks/t.md"

func parseString(t *testing.T, src string) Deck {
	t.Helper()
	d, err := Parse(testFile, strings.NewReader(src))
	if err != nil {
		t.Fatalf("Parse: %v\ninput:\n%s", err, src)
	}
	return d
}

// want is the part of a card a construct test checks.
type want struct {
	Type   Type
	Front  string
	Back   string
	Ord    int
	Wrong  []string
	Accept []string
	Tags   []string
	Line   int
}

func got(c Card) want {
	return want{c.Type, c.Front, c.Back, c.Ord, c.Wrong, c.Accept, c.Tags, c.Line}
}

func TestParseConstructs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []want
	}{
		{"basic", "Q: What?\nA: That.\n", []want{{Type: Basic, Front: "What?", Back: "That.", Line: 1}}},
		{"text after the tag is trimmed", "Q:   What?   \nA:\tThat.  ", []want{{Type: Basic, Front: "What?", Back: "That.", Line: 1}}},
		{"multi-line sides keep inner blank lines and are trimmed as a whole",
			"Q: first\nsecond\n\nA:\n\n  line one\n\nline two\n\n\n",
			[]want{{Type: Basic, Front: "first\nsecond", Back: "line one\n\nline two", Line: 1}}},
		{"empty basic answer is allowed as in hashcards", "Q: q\nA:\n", []want{{Type: Basic, Front: "q", Back: "", Line: 1}}},
		{"unknown Word: lines are text", "Q: q\nNote: more\nA: a\nWhy: because\n",
			[]want{{Type: Basic, Front: "q\nNote: more", Back: "a\nWhy: because", Line: 1}}},
		{"lowercase tags are text", "Q: q\nq: not a tag\nA: a", []want{{Type: Basic, Front: "q\nq: not a tag", Back: "a", Line: 1}}},
		{"indented tag is text", "Q: q\n A: not an answer\nA: a", []want{{Type: Basic, Front: "q\n A: not an answer", Back: "a", Line: 1}}},
		{"reversed makes two cards", "R: dog\nA: Hund\n", []want{
			{Type: Reversed, Front: "dog", Back: "Hund", Ord: 1, Line: 1},
			{Type: Reversed, Front: "dog", Back: "Hund", Ord: 2, Line: 1}}},
		{"cloze brackets number deletions in order", "C: [a] b [c] d [e]", []want{
			{Type: Cloze, Front: "{{c1::a}} b {{c2::c}} d {{c3::e}}", Ord: 1, Line: 1},
			{Type: Cloze, Front: "{{c1::a}} b {{c2::c}} d {{c3::e}}", Ord: 2, Line: 1},
			{Type: Cloze, Front: "{{c1::a}} b {{c2::c}} d {{c3::e}}", Ord: 3, Line: 1}}},
		{"cloze A: is extra text", "C: x [y]\nA: extra\nmore", []want{
			{Type: Cloze, Front: "x {{c1::y}}", Back: "extra\nmore", Ord: 1, Line: 1}}},
		{"cloze deletion across lines", "C:\n[one\ntwo] three", []want{
			{Type: Cloze, Front: "{{c1::one\ntwo}} three", Ord: 1, Line: 1}}},
		{"anki cloze: same number is one card, hints kept", "C: {{c2::x::hint}} {{c1::y}} {{c2::z}}", []want{
			{Type: Cloze, Front: "{{c2::x::hint}} {{c1::y}} {{c2::z}}", Ord: 1, Line: 1},
			{Type: Cloze, Front: "{{c2::x::hint}} {{c1::y}} {{c2::z}}", Ord: 2, Line: 1}}},
		{"anki cloze reads brackets as text", "C: {{c1::x}} [y]", []want{
			{Type: Cloze, Front: "{{c1::x}} [y]", Ord: 1, Line: 1}}},
		{"images and links are not deletions", "C: ![alt](a.png) [link](http://x) [del]", []want{
			{Type: Cloze, Front: "![alt](a.png) [link](http://x) {{c1::del}}", Ord: 1, Line: 1}}},
		{"image inside a deletion", "C: [![a](b.png)]", []want{
			{Type: Cloze, Front: "{{c1::![a](b.png)}}", Ord: 1, Line: 1}}},
		{"escaped brackets are literal", `C: \[not\] [yes] a\]`, []want{
			{Type: Cloze, Front: "[not] {{c1::yes}} a]", Ord: 1, Line: 1}}},
		{"escaped brackets inside a deletion", `C: [a\]b]`, []want{
			{Type: Cloze, Front: "{{c1::a]b}}", Ord: 1, Line: 1}}},
		{"brackets nest inside a deletion", "C: [$[0,1]$] is closed", []want{
			{Type: Cloze, Front: "{{c1::$[0,1]$}} is closed", Ord: 1, Line: 1}}},
		{"stray closing bracket is text", "C: a] [b]", []want{
			{Type: Cloze, Front: "a] {{c1::b}}", Ord: 1, Line: 1}}},
		{"deletion with :: keeps its text", "C: [std::vector] holds", []want{
			{Type: Cloze, Front: "{{c1::std::vector::}} holds", Ord: 1, Line: 1}}},
		{"multiple choice", "M: Largest planet?\nA: Jupiter\nX: Saturn\nX: Mars\nand more", []want{
			{Type: Choice, Front: "Largest planet?", Back: "Jupiter", Wrong: []string{"Saturn", "Mars\nand more"}, Line: 1}}},
		{"multiple choice with X before A", "M: q\nX: w\nA: r", []want{
			{Type: Choice, Front: "q", Back: "r", Wrong: []string{"w"}, Line: 1}}},
		{"typed with further accepted answers", "T: 7×8?\nA: 56\nA: fifty-six\nA: fifty six", []want{
			{Type: Typed, Front: "7×8?", Back: "56", Accept: []string{"fifty-six", "fifty six"}, Line: 1}}},
		{"typed with one answer", "T: q\nA: a", []want{{Type: Typed, Front: "q", Back: "a", Line: 1}}},
		{"tags separated by spaces or commas, over several lines", "Q: q\nA: a\ntags: x, y  z\ntags: w", []want{
			{Type: Basic, Front: "q", Back: "a", Tags: []string{"x", "y", "z", "w"}, Line: 1}}},
		{"metadata ends a side and more sides may follow", "M: q\nA: a\ntags: t\nX: w", []want{
			{Type: Choice, Front: "q", Back: "a", Wrong: []string{"w"}, Tags: []string{"t"}, Line: 1}}},
		{"separators, headings and blank lines between cards", "# Title\n\n---\nQ: a\nA: b\n---\n## Part\n\nQ: c\nA: d\n---\n", []want{
			{Type: Basic, Front: "a", Back: "b", Line: 4},
			{Type: Basic, Front: "c", Back: "d", Line: 9}}},
		{"separator with trailing blanks", "Q: a\nA: b\n---  \nQ: c\nA: d", []want{
			{Type: Basic, Front: "a", Back: "b", Line: 1},
			{Type: Basic, Front: "c", Back: "d", Line: 4}}},
		{"a heading inside a side is text", "Q: a\nA: b\n# not ignored", []want{
			{Type: Basic, Front: "a", Back: "b\n# not ignored", Line: 1}}},
		{"comments are ignored anywhere", "<!-- top -->\nQ: a <!-- inline --> b\n<!--\nQ: hidden\nA: hidden\n-->\nA: c<!--x-->d\n<!-- own line -->\ne", []want{
			{Type: Basic, Front: "a  b", Back: "cd\ne", Line: 2}}},
		{"comment-only line inside a side leaves no blank line", "Q: a\nA: one\n  <!-- c -->  \ntwo", []want{
			{Type: Basic, Front: "a", Back: "one\ntwo", Line: 1}}},
		{"escaped structure lines are unescaped", "Q: q\nA: a\n\\Q: x\n\\\\A: y\n\\---\n\\id: z\n\\tags: t\n\\source: s\n\\X: w", []want{
			{Type: Basic, Front: "q", Back: "a\nQ: x\n\\A: y\n---\nid: z\ntags: t\nsource: s\nX: w", Line: 1}}},
		{"other backslash lines are kept", "Q: q\nA: $$\n\\begin{x}\n\\\\\n\\end{x}\n$$", []want{
			{Type: Basic, Front: "q", Back: "$$\n\\begin{x}\n\\\\\n\\end{x}\n$$", Line: 1}}},
		{"first line of a side is not unescaped", "Q: \\Q: x\nA: a", []want{
			{Type: Basic, Front: "\\Q: x", Back: "a", Line: 1}}},
		{"escaped comment opener", "Q: a <!\\-- b\nA: <!\\\\-- c <!\\x", []want{
			{Type: Basic, Front: "a <!-- b", Back: "<!\\-- c <!\\x", Line: 1}}},
		{"BOM and CRLF", "\uFEFFQ: a\r\nb\r\nA: c\r\n", []want{
			{Type: Basic, Front: "a\nb", Back: "c", Line: 1}}},
		{"lone CR line ends", "Q: a\rA: b\r\rQ: c\rA: d", []want{
			{Type: Basic, Front: "a", Back: "b", Line: 1},
			{Type: Basic, Front: "c", Back: "d", Line: 4}}},
		{"card lines are counted after front matter", "---\ndeck: x\n---\n\nQ: a\nA: b", []want{
			{Type: Basic, Front: "a", Back: "b", Line: 5}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parseString(t, tt.src)
			var gotCards []want
			for _, c := range d.Cards {
				gotCards = append(gotCards, got(c))
			}
			if !reflect.DeepEqual(gotCards, tt.want) {
				t.Errorf("cards:\n got %#v\nwant %#v", gotCards, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		msg  string // a part of the message
	}{
		{"unterminated front matter", "---\ndeck: x\nQ: a\nA: b\n", 3, "card tag Q: inside the front matter; close the front matter with a line of only --- before the first card, or remove the --- on line 1"},
		{"front matter never closed", "---\ndeck: x\n\n", 1, "front matter opened by --- is never closed; add a line of only --- after it"},
		{"front matter line without key", "---\njust words\n---\nQ: a\nA: b", 2, "front matter line should be `key: value`"},
		{"A: without a question", "A: b\n", 1, "A: without a question before it; start the card with Q:"},
		{"A: after a separator", "Q: a\nA: b\n---\nA: c", 4, "A: without a question before it"},
		{"second answer for a basic card", "Q: a\nA: b\nA: c", 3, "second A: for the card at line 1; a basic card has one answer (use T:"},
		{"second answer for a cloze", "C: [a]\nA: b\nA: c", 3, "a cloze card takes one A:"},
		{"question without answer at next card", "\nQ: a\nmore\nQ: b\nA: c", 2, "question has no answer; add an A: line after it"},
		{"question without answer at separator", "Q: a\n---\nQ: b\nA: c", 1, "question has no answer"},
		{"question without answer at end of file", "Q: a\nA: b\n\nR: c\n", 4, "question has no answer"},
		{"empty question", "Q:\nA: b", 1, "Q: has no text; write the question after it"},
		{"text before the first card", "Hello\nQ: a\nA: b", 1, `text outside a card: "Hello"; start a card with Q:`},
		{"text after a separator", "Q: a\nA: b\n---\n\nstray", 5, `text outside a card: "stray"`},
		{"text after metadata", "Q: a\nA: b\nid: x\nstray", 4, `text after the card's id:, tags: or source: lines: "stray"`},
		{"long text is cut in the message", "Q: a\nA: b\n---\n" + strings.Repeat("é", 50), 4, `"` + strings.Repeat("é", 20) + `…"`},
		{"quote line without source", "Q: a\nA: b\ntags: t\n> quote", 4, "quote line outside a source passage"},
		{"quote after a blank line", "Q: a\nA: b\nsource: f.md:1-2 ab\n> one\n\n> two", 6, "quote line outside a source passage"},
		{"cloze without deletion", "Q: a\nA: b\n\nC: no deletion here\n", 4, "cloze has no deletion; mark the hidden text as [text] or {{c1::text}}"},
		{"empty cloze", "C:\n\nQ: a\nA: b", 1, "cloze has no deletion"},
		{"unclosed bracket names its line", "C: first line [ok]\nsecond [open\nthird", 2, "unclosed [ in cloze text; close it with ] or write \\[ for a literal bracket"},
		{"unclosed image bracket", "C: ![alt [x]", 1, "unclosed ["},
		{"empty deletion", "C: [x] and [ ]", 1, "empty cloze deletion [ ]"},
		{"deletion followed by a brace", "C: $\\sqrt{[x]}$", 1, "cloze deletion 1 cannot be stored"},
		{"deletion containing braces", "C: [a}}b]", 1, "cloze deletion 1 cannot be stored"},
		{"cloze number zero", "C: {{c0::x}}", 1, "cloze number in {{c0 must be between 1 and 9999"},
		{"cloze number too long", "C: {{c00001::x}}", 1, "must be between 1 and 9999"},
		{"multiple choice without wrong options", "M: q\nA: a\n", 1, "multiple-choice card has no wrong options; add X: lines"},
		{"multiple choice without answer", "M: q\nX: w\n", 1, "question has no answer"},
		{"multiple choice with empty answer", "M: q\nA:\nX: w", 2, "A: of a multiple-choice card has no text"},
		{"second right answer", "M: q\nA: a\nX: w\nA: b", 4, "a multiple-choice card has one right answer"},
		{"empty wrong option", "M: q\nA: a\nX: w\nX:\n", 4, "X: has no text"},
		{"X: outside a multiple-choice card", "Q: q\nA: a\nX: w", 3, "X: (a wrong option) outside a multiple-choice card; start the card with M:"},
		{"X: before any card", "X: w", 1, "X: (a wrong option) outside"},
		{"reversed with empty answer", "R: q\nA:\n", 2, "A: of a reversed card has no text"},
		{"typed with empty further answer", "T: q\nA: a\nA:  \n", 3, "A: of a typed card has no text"},
		{"duplicate explicit id", "Q: a\nA: b\nid: x1\n\nQ: c\nA: d\nid: x1", 7, `duplicate id "x1": the card at line 1 has it too`},
		{"id repeated within a note", "R: a\nA: b\nid: x x", 3, `id: lists "x" twice`},
		{"derived id equals an explicit id", "Q: a\nA: b\nid: " + DeriveID("t", "c", 0) + "\n\nQ: c\nA: d", 5, "is the explicit id: of the card at line 1"},
		{"id count does not match the cards", "C: [a] [b]\nid: one", 2, "id: lists 1 IDs but the card at line 1 makes 2 cards; give one ID per card"},
		{"empty id", "Q: a\nA: b\nid:", 3, "id: without a value"},
		{"second id line", "Q: a\nA: b\nid: x\nid: y", 4, "second id: line for the card at line 1"},
		{"second source line", "Q: a\nA: b\nsource: f:1-2 h\nsource: f:1-2 h", 4, "second source: line"},
		{"malformed source", "Q: a\nA: b\nsource: Wikipedia", 3, "source: should be FILE:START-END HASH"},
		{"source range backwards", "Q: a\nA: b\nsource: f.md:5-3 h", 3, "source: line range 5-3 is invalid"},
		{"source range from zero", "Q: a\nA: b\nsource: f.md:0-3 h", 3, "line range 0-3 is invalid"},
		{"source range overflows", "Q: a\nA: b\nsource: f.md:1-99999999999999999999 h", 3, "is invalid"},
		{"metadata outside a card", "tags: a b\nQ: a\nA: b", 1, "tags: line outside a card; put it right after the card it belongs to"},
		{"metadata after a separator", "Q: a\nA: b\n---\nid: x", 4, "id: line outside a card"},
		{"invalid UTF-8 names its line", "Q: a\nA: b\xff\n", 2, "invalid UTF-8; save the file in UTF-8 encoding"},
		{"unterminated comment names its start", "Q: a\nA: b\n<!-- open\n\nQ: c\nA: d", 3, "HTML comment <!-- is never closed; end it with -->"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(testFile, strings.NewReader(tt.src))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got error %v, want a *ParseError", err)
			}
			if pe.File != testFile || pe.Line != tt.line || !strings.Contains(pe.Msg, tt.msg) {
				t.Errorf("got %s:%d: %s\nwant %s:%d: …%s…", pe.File, pe.Line, pe.Msg, testFile, tt.line, tt.msg)
			}
		})
	}
}

func TestParseErrorFormatsFileAndLine(t *testing.T) {
	_, err := Parse("decks/x.md", strings.NewReader("Q: a\nA: b\nstray\n---\nstray"))
	if err == nil || err.Error() != `decks/x.md:5: text outside a card: "stray"; start a card with Q:, C:, R:, M: or T:, or make it a heading (#) or an HTML comment` {
		t.Errorf("got %v", err)
	}
}

func TestParseRejectsFileWithoutCards(t *testing.T) {
	const msg = "decks/t.md: no cards found; a card starts with Q:, C:, R:, M: or T: at the beginning of a line"
	for _, src := range []string{"", "\n\n", "# Only a heading\n<!-- and a comment -->\n---\n", "---\ndeck: x\n---\n"} {
		_, err := Parse(testFile, strings.NewReader(src))
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Line != 0 || err.Error() != msg {
			t.Errorf("%q: got %v, want %s", src, err, msg)
		}
	}
}

func TestParseFrontMatter(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want Deck // without cards
	}{
		{"no front matter: name is the file stem", "Q: a\nA: b", Deck{Name: "t"}},
		{"yaml keys", "---\ndeck: Geo graphy\ndescription: Capitals, rivers\ntags: europe, asia  world\nsource: atlas.md\n---\nQ: a\nA: b",
			Deck{Name: "Geo graphy", Description: "Capitals, rivers", Tags: []string{"europe", "asia", "world"}, Source: "atlas.md"}},
		{"hashcards toml name", "---\nname = \"Cell Biology\"\nother_field = \"ignored\"\n---\nQ: a\nA: b", Deck{Name: "Cell Biology"}},
		{"deck wins over name", "---\ndeck: A\nname = \"B\"\n---\nQ: a\nA: b", Deck{Name: "A"}},
		{"quoted values and arrays", "---\ndeck: \"  spaced\\tname \"\ndescription: 'it''s'\ntags = [\"a b\", 'c', d]\n---\nQ: a\nA: b",
			Deck{Name: "  spaced\tname ", Description: "it's", Tags: []string{"a b", "c", "d"}}},
		{"comments, blank lines and unknown keys", "---\n# comment\n\nauthor: me\ndeck: X <!-- note -->\n---\nQ: a\nA: b", Deck{Name: "X"}},
		{"empty deck value falls back to the stem", "---\ndeck:\n---\nQ: a\nA: b", Deck{Name: "t"}},
		{"front matter after a BOM with CRLF", "\uFEFF---\r\ndeck: B\r\n---\r\nQ: a\r\nA: b", Deck{Name: "B"}},
		{"separator not on line 1 is no front matter", "\n---\nQ: a\nA: b", Deck{Name: "t"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parseString(t, tt.src)
			d.Cards = nil
			if !reflect.DeepEqual(d, tt.want) {
				t.Errorf("got %#v\nwant %#v", d, tt.want)
			}
		})
	}
}

func TestParseAssignsDerivedAndExplicitIDs(t *testing.T) {
	d := parseString(t, "---\ndeck: Geo\n---\nQ: Capital of *France*?\nA: Paris\n\nQ: b\nA: c\nid: my-id\n\nC: [x] y [z]\nid: c-1 c-2\n\nR: r\nA: s\n")
	ids := []string{
		DeriveID("Geo", "Capital of *France*?", 0),
		"my-id",
		"c-1", "c-2",
		DeriveID("Geo", "r", 1), DeriveID("Geo", "r", 2),
	}
	if len(d.Cards) != len(ids) {
		t.Fatalf("got %d cards, want %d", len(d.Cards), len(ids))
	}
	for i, c := range d.Cards {
		if c.ID != ids[i] || c.Deck != "Geo" {
			t.Errorf("card %d: ID %q deck %q, want ID %q deck Geo", i, c.ID, c.Deck, ids[i])
		}
	}
	// The derived cloze ID uses the text without markup, as AssignID does.
	d2 := parseString(t, "C: [x] y")
	if want := DeriveID("t", "x y", 1); d2.Cards[0].ID != want {
		t.Errorf("cloze ID %q, want %q", d2.Cards[0].ID, want)
	}
}

func TestParseReadsSourceAndQuote(t *testing.T) {
	d := parseString(t, "Q: q\nA: a\nsource: my notes/ch 1.md:12-14 1a2b3c4d5e\n> first line\n>\n>   indented\n\nQ: q2\nA: a2\nsource: b.md:3-3\n")
	want := &Source{File: "my notes/ch 1.md", Start: 12, End: 14, Hash: "1a2b3c4d5e", Text: "first line\n\n  indented"}
	if !reflect.DeepEqual(d.Cards[0].Source, want) {
		t.Errorf("source %#v, want %#v", d.Cards[0].Source, want)
	}
	want2 := &Source{File: "b.md", Start: 3, End: 3}
	if !reflect.DeepEqual(d.Cards[1].Source, want2) {
		t.Errorf("source %#v, want %#v", d.Cards[1].Source, want2)
	}
}

func TestParseSourceFileMayHoldColonsAndRanges(t *testing.T) {
	for v, want := range map[string]Source{
		"C:/docs/a.md:1-2 abc": {File: "C:/docs/a.md", Start: 1, End: 2, Hash: "abc"},
		"a.md:1-2:3-4":         {File: "a.md:1-2", Start: 3, End: 4},
		"x y:5-6   h":          {File: "x y", Start: 5, End: 6, Hash: "h"},
	} {
		got, msg := parseSource(v)
		if msg != "" || *got != want {
			t.Errorf("%q: got %+v %q, want %+v", v, got, msg, want)
		}
	}
}

func TestParseGivesSiblingsTheirOwnTagsAndSource(t *testing.T) {
	d := parseString(t, "R: a\nA: b\ntags: x y\nsource: f.md:1-2 h\n> q")
	d.Cards[1].Tags[0] = "changed"
	d.Cards[1].Source.Text = "changed"
	if d.Cards[0].Tags[0] != "x" || d.Cards[0].Source.Text != "q" {
		t.Errorf("editing one sibling changed the other: %+v", d.Cards[0])
	}
}

func TestParseReportKeepsFirstOfDuplicates(t *testing.T) {
	src := "Q: Same question\nA: one\n\nQ: same  QUESTION.\nA: two\n\nC: [x] y\n\nC: {{c1::x}} [y]\n\nC: [x] [y]\n"
	d, dups, err := ParseReport(testFile, strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	// Line 9 is a different text ("x [y]" with literal brackets); line 11
	// strips to "x y" like line 7, so its first card repeats line 7's and
	// the whole note goes, because a note is written back as one unit.
	wantDups := []Duplicate{
		{Line: 4, FirstLine: 1, Front: "same  QUESTION."},
		{Line: 11, FirstLine: 7, Front: "{{c1::x}} {{c2::y}}"},
	}
	if !reflect.DeepEqual(dups, wantDups) {
		t.Errorf("duplicates %+v, want %+v", dups, wantDups)
	}
	var lines []int
	for _, c := range d.Cards {
		lines = append(lines, c.Line)
	}
	if !reflect.DeepEqual(lines, []int{1, 7, 9}) {
		t.Errorf("kept cards from lines %v, want [1 7 9]", lines)
	}
	if d.Cards[0].Back != "one" {
		t.Errorf("kept %q, want the first card", d.Cards[0].Back)
	}
	d2, err := Parse(testFile, strings.NewReader(src))
	if err != nil || !reflect.DeepEqual(d2, d) {
		t.Errorf("Parse differs from ParseReport: %v", err)
	}
}

func TestParseHandlesHugeLine(t *testing.T) {
	long := strings.Repeat("x", 10<<20)
	d := parseString(t, "Q: "+long+"\nA: b\n")
	if len(d.Cards) != 1 || len(d.Cards[0].Front) != len(long) {
		t.Fatalf("got %d cards", len(d.Cards))
	}
}

func TestParseExampleFile(t *testing.T) {
	d, err := parseFile(t, "testdata/example.md")
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "Example" || !reflect.DeepEqual(d.Tags, []string{"example", "reference"}) || d.Source != "guide.md" ||
		d.Description != "Every construct of the native deck format, once." {
		t.Errorf("front matter: %+v", Deck{Name: d.Name, Description: d.Description, Tags: d.Tags, Source: d.Source})
	}
	var types []string
	for _, c := range d.Cards {
		types = append(types, string(c.Type)+"/"+strconv.Itoa(c.Ord))
	}
	wantTypes := []string{"basic/0", "basic/0", "reversed/1", "reversed/2", "cloze/1", "cloze/2",
		"cloze/1", "cloze/2", "cloze/1", "mc/0", "typed/0", "basic/0"}
	if !reflect.DeepEqual(types, wantTypes) {
		t.Errorf("types %v\nwant %v", types, wantTypes)
	}
	c := d.Cards
	if c[1].Back != "Red, green\nand blue.\n\nNote: a line like this one, a `Word:` other than a card tag, is plain text." ||
		!reflect.DeepEqual(c[1].Tags, []string{"colour", "physics"}) {
		t.Errorf("basic card 2: %q %v", c[1].Back, c[1].Tags)
	}
	if c[2].ID != "dog-de" || c[3].ID != "hund-en" {
		t.Errorf("reversed IDs %q %q", c[2].ID, c[3].ID)
	}
	if c[4].Back != "Extra text, shown after the answer." || c[4].Answer() != "mitochondrion" || c[5].Answer() != "powerhouse" {
		t.Errorf("cloze: %+v", c[4])
	}
	if c[6].Prompt() != "[city] is the capital of Australia; [...] was planned." || c[6].Answer() != "Canberra, it" {
		t.Errorf("anki cloze prompt %q answer %q", c[6].Prompt(), c[6].Answer())
	}
	if c[8].Front != "A ![diagram](cell.png) and a [link](https://example.org) are not deletions;\n[brackets] can be escaped, and a {{c1::deletion [with brackets]}} keeps them." {
		t.Errorf("cloze front %q", c[8].Front)
	}
	if !reflect.DeepEqual(c[9].Wrong, []string{"Saturn", "Neptune"}) || !reflect.DeepEqual(c[10].Accept, []string{"fifty-six"}) {
		t.Errorf("choice %v typed %v", c[9].Wrong, c[10].Accept)
	}
	last := c[11]
	if last.Back != "A line that would start a card is written with a backslash:\nQ: this is answer text, not a question.\n---\nThat was not a separator either. <!-- nor is this a comment." {
		t.Errorf("escaped back %q", last.Back)
	}
	wantSrc := &Source{File: "guide.md", Start: 10, End: 12, Hash: "1a2b3c4d5e", Text: "Escapes keep text that looks like structure\nfrom being read as structure."}
	if !reflect.DeepEqual(last.Source, wantSrc) {
		t.Errorf("source %+v", last.Source)
	}
}

func parseFile(t *testing.T, path string) (Deck, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		return Deck{}, err
	}
	defer f.Close()
	return Parse(path, f)
}

func TestParseBoundsClozeNoteSize(t *testing.T) {
	// One deletion in a 10 MB line is fine; thousands in it would make
	// thousands of cards each holding 10 MB.
	big := strings.Repeat("x", 10<<20)
	d := parseString(t, "C: [a] "+big)
	if len(d.Cards) != 1 {
		t.Fatalf("got %d cards", len(d.Cards))
	}
	_, err := Parse(testFile, strings.NewReader("Q: a\nA: b\n\nC: "+strings.Repeat("[a] ", 1000)+big))
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 4 || !strings.Contains(pe.Msg, "with 1000 deletions is too large") {
		t.Errorf("got %v", err)
	}
	_, err = Parse(testFile, strings.NewReader("C: "+strings.Repeat("[a]", maxCloze+1)))
	if !errors.As(err, &pe) || !strings.Contains(pe.Msg, "more than 9999 cloze deletions") {
		t.Errorf("got %v", err)
	}
}

func TestEstimateCardsCountsTagLines(t *testing.T) {
	src := "---\ndeck: x\n---\n\nQ: a\nA: b\n\nR: c\nA: d\n\nC: [e]\n\nM: f\nA: g\nX: h\n\nT: i\nA: j\nQ:"
	if got := estimateCards(src); got != 8 {
		t.Errorf("estimate %d, want 8", got)
	}
}
