package decks_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"recall/decks"
	"recall/internal/deck"
	"recall/internal/generate"
)

var update = flag.Bool("update", false, "rewrite the built-in decks from their source documents")

// builtins says how each built-in deck is made from its document: the
// generator's output with this name and description, nothing edited by
// hand.
var builtins = []struct {
	file, source, name, description string
}{
	{
		file:        "new-productive-forces.md",
		source:      "new-productive-forces.txt",
		name:        "New productive forces",
		description: "China's policy of new productive forces: what they are, why they matter, how to develop them",
	},
}

// regenerate makes the deck for one built-in from its embedded document.
func regenerate(t *testing.T, source, name, description string) []byte {
	t.Helper()
	src, ok := decks.Source(source)
	if !ok {
		t.Fatalf("source document %s is not embedded", source)
	}
	d, err := generate.Generate([]generate.Document{{Name: source, Data: src}}, generate.Options{Deck: name})
	if err != nil {
		t.Fatalf("generate %s: %v", source, err)
	}
	d.Description = description
	var buf bytes.Buffer
	if err := deck.Write(&buf, d); err != nil {
		t.Fatalf("write %s: %v", name, err)
	}
	return buf.Bytes()
}

func TestBuiltinDecksMatchTheGenerator(t *testing.T) {
	for _, b := range builtins {
		want := regenerate(t, b.source, b.name, b.description)
		if *update {
			if err := os.WriteFile(b.file, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(b.file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what the generator makes of %s (%s).\n"+
				"If the generator changed on purpose, read the new deck and update it with:\n"+
				"\tgo test ./decks -run TestBuiltinDecksMatchTheGenerator -update",
				b.file, b.source, firstDifference(got, want))
		}
	}
}

// firstDifference describes the first line where two files differ.
func firstDifference(got, want []byte) string {
	g := strings.Split(string(got), "\n")
	w := strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d: committed %q, generated %q", i+1, clip(gl), clip(wl))
		}
	}
	return "same lines"
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

func TestBuiltinListsEachDeckWithItsSource(t *testing.T) {
	files := decks.Builtin()
	if len(files) != len(builtins) {
		t.Fatalf("Builtin() returned %d decks, want %d", len(files), len(builtins))
	}
	for i, f := range files {
		if f.Name != builtins[i].file {
			t.Errorf("deck %d is %s, want %s", i, f.Name, builtins[i].file)
		}
		d, err := deck.Parse(f.Name, bytes.NewReader(f.Data))
		if err != nil {
			t.Fatalf("parse %s: %v", f.Name, err)
		}
		if d.Name != builtins[i].name || d.Source != builtins[i].source {
			t.Errorf("%s: name %q source %q, want %q and %q", f.Name, d.Name, d.Source, builtins[i].name, builtins[i].source)
		}
		if _, ok := decks.Source(d.Source); !ok {
			t.Errorf("%s: its source %s is not embedded", f.Name, d.Source)
		}
	}
}

func TestSourceRefusesPathsAndUnknownNames(t *testing.T) {
	for _, name := range []string{"../go.mod", "decks/new-productive-forces.txt", "missing.txt"} {
		if _, ok := decks.Source(name); ok {
			t.Errorf("Source(%q) found a file", name)
		}
	}
	if data, ok := decks.Source("new-productive-forces.txt"); !ok || !bytes.Contains(data, []byte("new productive forces")) {
		t.Errorf("Source(new-productive-forces.txt) = %d bytes, %v", len(data), ok)
	}
}

// TestBuiltinDeckCardsPointIntoTheirSource checks every card of the
// built-in deck the way a learner pressing "show source" would: the
// passage is really in the document, on the lines the card names.
func TestBuiltinDeckCardsPointIntoTheirSource(t *testing.T) {
	for _, b := range builtins {
		data, err := os.ReadFile(b.file)
		if err != nil {
			t.Fatal(err)
		}
		d, err := deck.Parse(b.file, bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if n := len(d.Cards); n < 30 || n > 60 {
			t.Errorf("%s has %d cards, want 30 to 60", b.file, n)
		}
		src, _ := decks.Source(b.source)
		lines := strings.Split(string(src), "\n")
		for _, c := range d.Cards {
			s := c.Source
			if s == nil || s.File != b.source || s.Start < 1 || s.End < s.Start || s.End > len(lines) {
				t.Errorf("card %s (%q) has source %+v", c.ID, c.Front, s)
				continue
			}
			region := normalizeQuotes(strings.Join(lines[s.Start-1:s.End], " "))
			first := strings.Fields(s.Text)[0]
			if !strings.Contains(region, first) {
				t.Errorf("card %s: passage %q does not start within lines %d-%d", c.ID, s.Text, s.Start, s.End)
			}
			if s.Hash != deck.HashText(s.Text) {
				t.Errorf("card %s: hash %s does not match its passage", c.ID, s.Hash)
			}
		}
	}
}

// normalizeQuotes folds the typographic quotes of the document as the
// generator does.
func normalizeQuotes(s string) string {
	return strings.NewReplacer("“", `"`, "”", `"`, "’", "'", "‘", "'", "''", `"`, "–", "-").Replace(s)
}
