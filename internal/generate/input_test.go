package generate

import (
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"recall/internal/deck"
)

func genErr(name string, data []byte) error {
	_, err := Generate([]Document{{Name: name, Data: data}}, Options{})
	return err
}

func TestEmptyDocumentIsAClearError(t *testing.T) {
	for _, data := range []string{"", "   \n\n\t\n", "\ufeff", "<html><head><script>var x = 1;</script></head><body></body></html>"} {
		name := "notes.md"
		if strings.HasPrefix(data, "<html") {
			name = "page.html"
		}
		err := genErr(name, []byte(data))
		if !errors.Is(err, ErrEmpty) || err.Error() != name+": no text to make cards from" {
			t.Errorf("Generate(%q) error = %v, want %q", data, err, name+": no text to make cards from")
		}
	}
	if err := genErr("-", nil); err == nil || err.Error() != "standard input: no text to make cards from" {
		t.Errorf("empty standard input: %v", err)
	}
}

func TestBinaryDataIsRefused(t *testing.T) {
	elf := append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00"), make([]byte, 64)...)
	noise := make([]byte, 4096)
	rand.New(rand.NewSource(1)).Read(noise)
	for _, data := range [][]byte{elf, noise, []byte("text\x00with a NUL")} {
		err := genErr("x.bin", data)
		if !errors.Is(err, ErrBinary) || err.Error() != "x.bin: looks like a binary file, not text" {
			t.Errorf("binary input: error %v", err)
		}
	}
}

func TestBrokenUTF8ReportsTheByteOffset(t *testing.T) {
	// Valid multi-byte text with one broken sequence is damaged UTF-8, not
	// Latin-1.
	data := []byte("Café society is a term.\nThe word na\xefve was here.\n")
	err := genErr("notes.txt", data)
	if !errors.Is(err, ErrEncoding) || !strings.Contains(err.Error(), "byte offset 36") || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("error = %v, want invalid UTF-8 at byte offset 36 (line 2)", err)
	}
}

func TestLatin1AndUTF16AreDecoded(t *testing.T) {
	latin1 := []byte("Caf\xe9 society\n\nThe Caf\xe9 de Flore is a caf\xe9 in Paris that opened in 1887 on the Boulevard Saint-Germain.\n")
	d := gen(t, "cafe.txt", string(latin1))
	if !strings.Contains(listCards(d), "Café de Flore") {
		t.Errorf("Latin-1 text not decoded:\n%s", listCards(d))
	}
	text := "Tea\n\nDarjeeling tea is grown in the Indian state of West Bengal since 1841.\n"
	for _, bigEndian := range []bool{false, true} {
		units := utf16.Encode([]rune(text))
		data := []byte{0xFF, 0xFE}
		if bigEndian {
			data = []byte{0xFE, 0xFF}
		}
		for _, u := range units {
			if bigEndian {
				data = append(data, byte(u>>8), byte(u))
			} else {
				data = append(data, byte(u), byte(u>>8))
			}
		}
		d := gen(t, "tea.txt", string(data))
		wantCloze(t, d, "Darjeeling tea is grown in the Indian state of West Bengal since [...].", "1841")
	}
}

func TestTypographyIsNormalised(t *testing.T) {
	d := gen(t, "quotes.txt", "Typography\n\nThe term \u201cdefence\u00a0in depth\u201d \u2014 a layered approach \u2014 dates from 1950\u20131960 and is used by the U.S. Army\u2019s engineers.\n")
	for _, c := range d.Cards {
		for _, r := range c.Front + c.Back {
			if r == '\u201c' || r == '\u201d' || r == '\u2019' || r == '\u2014' || r == '\u00a0' {
				t.Errorf("card %q keeps typographic character %q", c.Front, r)
			}
		}
		if strings.Contains(c.Front, "  ") {
			t.Errorf("card %q has a double space", c.Front)
		}
	}
	if !strings.Contains(listCards(d), `"defence in depth" - a layered approach - dates from 1950-1960`) {
		t.Errorf("typography not folded:\n%s", listCards(d))
	}
}

func TestHTMLScriptStyleAndNavigationAreDropped(t *testing.T) {
	d := gen(t, "page.html", `<!doctype html><html><head><title>Rivers</title>
<style>p { color: red; } .x::before { content: "The Nile is a river in Africa."; }</style>
<script>var s = "The Danube is a river that flows through Vienna."; document.write("<p>The Rhine is a river in Europe.</p>");</script>
</head><body>
<nav><ul><li>Home</li><li>The Seine is a river in Paris.</li></ul></nav>
<p>The Amazon is the largest river in South America and carries more water than any other river.</p>
<footer>The Thames is a river in London.</footer>
<noscript>The Volga is the longest river in Europe.</noscript>
</body></html>`)
	for _, s := range []string{"Nile", "Danube", "Rhine", "Seine", "Thames", "Volga", "color", "document.write", "Home"} {
		noCardMentions(t, d, s)
	}
	wantBasic(t, d, "What is the Amazon?", "The largest river in South America and carries more water than any other river")
}

func TestNoCardContainsMarkup(t *testing.T) {
	md := "# Markup test\n\n" +
		"**Photosynthesis** is the _process_ by which plants make `glucose` from [light](https://example.com) and ~~air~~ water.\n\n" +
		"The <span class=\"x\">Amazon</span> is the largest river in South America by volume of water.\n\n" +
		"![diagram](img.png) Paris, the capital of France, hosted the *Summer Olympics* in 2024.\n\n" +
		"Key terms: **chlorophyll**, *stomata*, `xylem`.\n"
	html := `<html><body><h1>Markup</h1><p><b>Saturn</b> is the <i>sixth</i> planet from the <a href="/sun">Sun</a>, discovered long before 1610.</p></body></html>`
	for name, text := range map[string]string{"m.md": md, "h.html": html} {
		d := gen(t, name, text)
		if len(d.Cards) == 0 {
			t.Fatalf("%s: no cards", name)
		}
		for _, c := range d.Cards {
			for _, s := range []string{c.Front, c.Back, c.Source.Text} {
				if hasMarkup(s) || strings.ContainsAny(deck.StripCloze(s), "*`<>") || strings.Contains(s, "](") || strings.Contains(s, "~~") {
					t.Errorf("%s: card text %q contains markup", name, s)
				}
			}
		}
	}
}

func TestCodeBlocksNeverBecomeCards(t *testing.T) {
	d := gen(t, "howto.md", "# Setup\n\nA linter is a tool that flags suspicious code.\n\n```go\n// A Server is a type that serves requests such as GET and POST.\nfunc main() { fmt.Println(\"The year is 2024\") }\n```\n\n    An indented block is code too, such as this one from 1999.\n\nThe end of the setup guide comes in 2025.\n")
	for _, s := range []string{"Server", "Println", "GET", "1999", "func", "indented"} {
		noCardMentions(t, d, s)
	}
	wantBasic(t, d, "What is a linter?", "A tool that flags suspicious code")
}

func TestCardsHaveSourceAnchorsAndTags(t *testing.T) {
	text := "# Rivers\n\n## Africa\n\nThe Nile is the longest river in Africa.\n\nIt flows north\ninto the Mediterranean Sea\nnear Alexandria since 3000 BC.\n"
	d := gen(t, "rivers.md", text)
	lines := strings.Split(text, "\n")
	for _, c := range d.Cards {
		s := c.Source
		if c.ID == "" || c.Deck != "Rivers" || s == nil || s.File != "rivers.md" || s.Hash != deck.HashText(s.Text) {
			t.Fatalf("card %+v lacks ID, deck or source", c)
		}
		region := strings.Join(lines[s.Start-1:s.End], " ")
		if !strings.Contains(region, strings.Fields(s.Text)[0]) || len(c.Tags) != 1 || c.Tags[0] != "africa" {
			t.Errorf("card %q: source lines %d-%d %q, tags %v", c.Front, s.Start, s.End, s.Text, c.Tags)
		}
	}
	wantBasic(t, d, "What is the Nile?", "The longest river in Africa")
	// The sentence runs over lines 7-9 and its "It" names the Nile.
	wantCloze(t, d, "The Nile flows north into the Mediterranean Sea near Alexandria since [...].", "3000 BC")
	for _, c := range d.Cards {
		if c.Type == deck.Cloze && deck.ClozeAnswer(c.Front, 1) == "3000 BC" && (c.Source.Start != 7 || c.Source.End != 9) {
			t.Errorf("sentence over lines 7-9 anchored at %d-%d", c.Source.Start, c.Source.End)
		}
	}
}

// bigDocument makes a varied document of about n bytes: sections with
// headings, definitions, lists and facts, so that generation has real work.
func bigDocument(n int) string {
	rng := rand.New(rand.NewSource(7))
	nouns := []string{"river", "engine", "protocol", "province", "enzyme", "treaty", "library", "planet", "algorithm", "market", "glacier", "theorem"}
	adjs := []string{"northern", "fast", "ancient", "digital", "coastal", "modern", "small", "central", "careful", "open"}
	names := []string{"Avalon", "Brixton", "Corvina", "Delmar", "Estoria", "Fenwick", "Galdor", "Harwell", "Istria", "Jorvik"}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		noun := nouns[rng.Intn(len(nouns))]
		name := names[rng.Intn(len(names))]
		fmt.Fprintf(&b, "## What is the %s %s %d?\n\n", adjs[rng.Intn(len(adjs))], noun, i)
		fmt.Fprintf(&b, "A %s %d is a %s %s used by the %s Institute since %d.\n\n", noun, i, adjs[rng.Intn(len(adjs))], nouns[rng.Intn(len(nouns))], name, 1800+rng.Intn(220))
		fmt.Fprintf(&b, "Key parts: %s, %s, and %s.\n\n", nouns[rng.Intn(6)], nouns[6+rng.Intn(6)], adjs[rng.Intn(len(adjs))]+" "+nouns[rng.Intn(len(nouns))])
		fmt.Fprintf(&b, "- %s %d\n- %s %d\n- %s %d\n\n", names[rng.Intn(10)], i, names[rng.Intn(10)], i+1, names[rng.Intn(10)], i+2)
		fmt.Fprintf(&b, "In %d the %s of %s grew by %d%% to %d,%03d units, including %s and %s.\n\n", 1900+rng.Intn(120), noun, name, rng.Intn(90)+2, rng.Intn(900)+1, rng.Intn(1000), nouns[rng.Intn(12)]+"s", nouns[rng.Intn(12)]+"s")
	}
	return b.String()
}

func TestTenMegabyteDocumentGivesSaneCards(t *testing.T) {
	if testing.Short() {
		t.Skip("10 MB document skipped in -short mode")
	}
	doc := bigDocument(10 << 20)
	d := gen(t, "big.md", doc, Options{Max: 500})
	if len(d.Cards) != 500 {
		t.Errorf("%d cards, want the best 500", len(d.Cards))
	}
	checkInvariants(t, d)
}

func TestHugeLineAndDeepNestingDoNotBreakGeneration(t *testing.T) {
	line := strings.Repeat("word ", 400_000) + "Paris is the capital of France."
	if _, err := Generate([]Document{{Name: "line.txt", Data: []byte(line)}}, Options{}); err != nil && !strings.Contains(err.Error(), "nothing to make cards from") {
		t.Errorf("huge line: %v", err)
	}
	deep := strings.Repeat("<div>", 200_000) + "<p>Saturn is the sixth planet from the Sun.</p>" + strings.Repeat("</div>", 200_000)
	d := gen(t, "deep.html", deep)
	wantBasic(t, d, "What is Saturn?", "The sixth planet from the Sun")
	unclosed := strings.Repeat("<ul><li>item ", 50_000)
	if _, err := Generate([]Document{{Name: "u.html", Data: []byte(unclosed)}}, Options{}); err != nil && !strings.Contains(err.Error(), "nothing to make cards from") {
		t.Errorf("unclosed lists: %v", err)
	}
}

// checkInvariants asserts what every generated deck must satisfy.
func checkInvariants(t *testing.T, d deck.Deck) {
	t.Helper()
	ids := map[string]bool{}
	for _, c := range d.Cards {
		if c.ID == "" || ids[c.ID] {
			t.Fatalf("card %q: missing or repeated ID %q", c.Front, c.ID)
		}
		ids[c.ID] = true
		if c.Deck != d.Name || !c.Type.Valid() || c.Source == nil || c.Source.Start < 1 || c.Source.End < c.Source.Start {
			t.Fatalf("card %+v breaks the card invariants", c)
		}
		if !utf8.ValidString(c.Front) || !utf8.ValidString(c.Back) {
			t.Fatalf("card %q is not UTF-8", c.Front)
		}
		if hasMarkup(c.Front) || hasMarkup(c.Back) {
			t.Fatalf("card %q has markup", c.Front)
		}
		ans := c.Answer()
		if strings.TrimSpace(ans) == "" {
			t.Fatalf("card %q has no answer", c.Front)
		}
		if !strings.Contains(ans, "\n") && wordCount(ans) > maxAnswerWords {
			t.Fatalf("card %q: answer of %d words", c.Front, wordCount(ans))
		}
		if c.Type == deck.Cloze && len(deck.ClozeNumbers(c.Front)) != 1 {
			t.Fatalf("cloze %q has %d deletions", c.Front, len(deck.ClozeNumbers(c.Front)))
		}
	}
}

func FuzzGenerate(f *testing.F) {
	for _, s := range []string{
		"# T\n\n## What is X?\n\nX is a thing.\n",
		"<p>A <b>b</b> is a c.</p><table><tr><td>x</td></tr></table>",
		"Label: a, b, and c.\n\n- one\n  - two\n\n1. x\n",
		"\"Quote me on this,\" said Ada Lovelace.\n\n> q\n> — A B\n",
		"| a | b |\n|---|---|\n| c | d |\n",
		"```\ncode\n", "\xff\xfe\x00", "[[x|y]] ![a](b) [c][d] <!-- e",
	} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
		f.Add(s, uint8(2))
	}
	f.Fuzz(func(t *testing.T, text string, kind uint8) {
		name := []string{"f.txt", "f.md", "f.html"}[kind%3]
		d, err := Generate([]Document{{Name: name, Data: []byte(text)}}, Options{})
		if err != nil {
			return
		}
		checkInvariants(t, d)
	})
}
