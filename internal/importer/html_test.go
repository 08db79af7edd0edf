package importer

import (
	"testing"
)

func TestHTMLToText(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                                   "plain",
		"a&nbsp;&amp;&nbsp;b &#x27;q&#39;":        "a & b 'q'",
		"line<br>break<br/>again":                 "line\nbreak\nagain",
		"<div>one</div>\n<div>two</div>":          "one\ntwo",
		"<ul><li>x</li><li>y</li></ul>":           "- x\n- y",
		"<b>bold</b> and <i>it</i> <b> sp </b>x":  "**bold** and *it* ** sp** x",
		"<b></b>empty":                            "empty",
		`<img src="a&amp;b.png"> [sound:x y.mp3]`: "[image: a&b.png] [audio: x y.mp3]",
		"<style>.c{}</style><script>alert(1)</script><!-- note -->kept": "kept",
		`\(x^2\) and [$]y[/$]`:                       `\(x^2\) and [$]y[/$]`,
		"<span style='color:red'>{{c1::red}}</span>": "{{c1::red}}",
		"x < y":  "x < y",
		"a<hr>b": "a\nb",
		"<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>": "1 | 2\n3",
	} {
		if got := htmlToText(in); got != want {
			t.Errorf("htmlToText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEscapeHTMLIsUndoneByHTMLToText(t *testing.T) {
	for _, s := range []string{
		"a & b < c > d", "two\nlines\n\nand a gap", "&amp; literal", "**bold** stays", "{{c1::x::hint}}",
		"tab\tinside", "<b>not a tag</b>", "a  b   spaces", "$x<y$",
	} {
		if got := htmlToText(escapeHTML(s)); got != s {
			t.Errorf("round trip of %q gave %q (escaped %q)", s, got, escapeHTML(s))
		}
	}
}

func TestFieldChecksumMatchesAnki(t *testing.T) {
	for in, want := range map[string]int64{
		"test":            2840236005,
		"今日":              1464653051,
		"hello":           2868168221,
		"front":           460909371,
		"[sound:foo.wav]": 685612576,
		"<b>test</b>":     2840236005,
	} {
		if got := fieldChecksum(in); got != want {
			t.Errorf("csum(%q) = %d, want %d", in, got, want)
		}
	}
	if got := stripHTMLMedia(`a<img src="x.png">b&nbsp;c`); got != "a x.png b c" {
		t.Errorf("stripHTMLMedia = %q", got)
	}
}

func TestMediaRefs(t *testing.T) {
	got := mediaRefs(`<img src="a&amp;b.png"> text [sound:s.mp3] <IMG SRC=c.gif>`)
	want := []string{"a&b.png", "c.gif", "s.mp3"}
	if len(got) != len(want) {
		t.Fatalf("%v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%v, want %v", got, want)
		}
	}
}

func TestAnkiClozeFor(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"{{c1::a}} {{c2::b::hint}}", 2, "{{c1::a}} {{c2::b::hint}}"},
		{"{{c1,2::both}} and {{c2::two}}", 1, "{{c1::both}} and two"},
		{"{{c1,2::both}} and {{c2::two}}", 2, "{{c2::both}} and {{c2::two}}"},
		{"{{c1::outer {{c2::inner}} end}}", 1, "{{c1::outer inner end}}"},
		{"{{c1::outer {{c2::inner}} end}}", 2, "outer {{c2::inner}} end"},
		{"unclosed {{c1::x and }} stray", 1, "unclosed {{c1::x and }} stray"},
		{"{{c1::open", 1, "{{c1::open"},
		{"{{c1::a::h {{c2::b}}", 2, "{{c1::a::h {{c2::b}}"},
	} {
		if got := ankiClozeFor(tc.in, tc.n); got != tc.want {
			t.Errorf("ankiClozeFor(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestHTMLToTextSurvivesBadNesting(t *testing.T) {
	for in, want := range map[string]string{
		"<i></b>x":         "x",
		"<b><i>a</b></i>b": "*a*b",
		"</b></i>plain":    "plain",
		"<b>unclosed":      "unclosed",
		"<i><b>ok</b></i>": "***ok***",
	} {
		if got := htmlToText(in); got != want {
			t.Errorf("htmlToText(%q) = %q, want %q", in, got, want)
		}
	}
}
