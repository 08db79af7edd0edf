package importer

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkResult asserts what must hold for any input: every card has an ID
// and a front, and every reported line exists.
func checkResult(t *testing.T, res *Result, text string) {
	t.Helper()
	lines := strings.Count(text, "\n") + 1
	for _, c := range res.Cards() {
		if c.ID == "" || strings.TrimSpace(c.Front) == "" {
			t.Fatalf("card without id or front: %+v", c)
		}
		if c.Line < 1 || c.Line > lines {
			t.Fatalf("card line %d outside 1..%d", c.Line, lines)
		}
	}
	for _, e := range append(append([]LineError(nil), res.Errors...), res.Skipped...) {
		if e.Line < 0 || e.Line > lines {
			t.Fatalf("reported line %d outside 1..%d: %v", e.Line, lines, e)
		}
	}
}

func FuzzCSV(f *testing.F) {
	for _, s := range []string{
		"front,back\na,b\n", "\"a,b\",\"c\"\"d\"\n", "a\tb\n\"multi\nline\"\tx\n", "\"unterminated\n", "#x;y\na;b\n",
		"a|b|c\nd|e\n", "", "\n\n", "\"\"", "a,\"b\"c,d\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		text := normalizeNewlines(s)
		res := &Result{Format: FormatCSV}
		if err := readCSV(res, text, "fuzz", Options{}); err != nil {
			return
		}
		checkResult(t, res, text)
	})
}

func FuzzAnkiText(f *testing.F) {
	for _, s := range []string{
		"#separator:tab\n#html:true\na<br>b\tc\n", "#separator:Comma,,\n#columns:Front,Back,Tags\nx,y,z\n",
		"#guid column:1\n#notetype column:2\ng\tCloze\t{{c1::x}}\t\n", "tags:a b\nq\ta\n", "#html:true\n<b>\t{{c1::<i>x}}</i>\n",
		"#deck column:9\n#tags column:0\na\tb\n", "#notetype:Basic (optional reversed card)\na\tb\tc\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		text := normalizeNewlines(s)
		res := &Result{Format: FormatAnkiText}
		if err := readAnkiText(res, text, "fuzz", Options{}); err != nil {
			return
		}
		checkResult(t, res, text)
	})
}

func FuzzHTMLToText(f *testing.F) {
	for _, s := range []string{"<b>x</b>", "<i></b>", "<li>a<br>b", "<img src=x>", "&nbsp;&#x27;", "<style>x", "[sound:a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := htmlToText(s)
		if !utf8.ValidString(s) {
			return
		}
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of valid input: %q", out)
		}
		ankiClozeFor(out, 1)
		stripHTMLMedia(s)
		mediaRefs(s)
	})
}
