package importer

import (
	"testing"
)

func TestSniffDelimiterPrefersConsistentCounts(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       rune
	}{
		{"comma with a colon in the text", "a,b: c\nd,e\nf,g\n", ','},
		{"semicolon with commas inside", "un, deux;one, two\ntrois;three\n", ';'},
		{"tab wins a tie", "a\tb,c\nd\te,f\n", '\t'},
		{"quoted delimiters", "\"a;b\",c\n\"d;e\",f\n", ','},
		{"pipe", "a|b\nc|d\n", '|'},
		{"nothing splits", "one\ntwo\n", 0},
	} {
		if got, _ := sniffDelimiter(tc.text, 1); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func rec(fields ...string) record { return record{fields: fields} }

func TestIsHeader(t *testing.T) {
	for _, tc := range []struct {
		name  string
		first record
		rest  []record
		want  bool
	}{
		{"known names", rec("Front", "Back", "Tags"), []record{rec("a", "b", "c")}, true},
		{"aliases", rec("term", "definition"), []record{rec("a", "b")}, true},
		{"a first card", rec("chien", "dog"), []record{rec("chat", "cat"), rec("oiseau", "bird")}, false},
		{"numbers under a word", rec("Word", "Frequency"), []record{rec("le", "1"), rec("de", "2")}, true},
		{"fixed width under other width", rec("Kanji", "Reading"), []record{rec("日", "にち, ひ"), rec("本", "ほん")}, true},
		{"same width as data", rec("Question 1", "Answer 1"), []record{rec("Question 2", "Answer 2")}, false},
		{"numeric first row", rec("1", "2"), []record{rec("3", "4")}, false},
		{"value recurs", rec("yes", "no"), []record{rec("no", "yes")}, false},
		{"long cell", rec("this first cell is much too long to be a column name", "b"), []record{rec("1", "2")}, false},
	} {
		if got := isHeader(tc.first, tc.rest); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}
