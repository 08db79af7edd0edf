package deck

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// fuzzSeeds are small inputs that reach each construct and error path.
var fuzzSeeds = []string{
	"Q: a\nA: b\n",
	"---\ndeck: D\ntags: a, b\n---\nR: r\nA: s\nid: x y\n",
	"C: [a] ![i](p) [l](u) \\[ [b [c]]\nA: extra",
	"C: {{c1::a::h}} {{c1::b}} {{c3::c}}",
	"M: q\nA: a\nX: w\nX: v\ntags: t\nsource: f.md:1-2 abc\n> quote\n>\n> more",
	"T: q\nA: a\nA: b\n---\n# h\n<!-- c\n-->\nQ: \\Q:\n\\A: x\nA: <!\\-- y",
	"\uFEFFQ: a\r\nA: b\rQ: c\nA: d",
	"---\nname = \"N\"\n---\nC: x [y]\n\nC: x [y]",
	"Q: a\nA: b\nstray",
	"C: [a}}b]",
	"C: {{c0::x}}",
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	files, _ := filepath.Glob("testdata/*.md")
	samples, _ := filepath.Glob(formatsDir + "hashcards_*.md")
	for _, name := range append(files, samples...) {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, _, err := ParseReport("fuzz.md", bytes.NewReader(data))
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "fuzz.md" || pe.Line < 0 || pe.Msg == "" {
				t.Fatalf("error %v is not a ParseError naming the file", err)
			}
			return
		}
		var out bytes.Buffer
		if err := Write(&out, d); err != nil {
			t.Fatalf("Write of a parsed deck: %v", err)
		}
		written := out.String()
		d2, dups, err := ParseReport("fuzz.md", &out)
		if err != nil {
			t.Fatalf("Parse(Write(d)): %v\nwritten:\n%s", err, written)
		}
		if len(dups) != 0 {
			t.Fatalf("written deck has duplicates %+v", dups)
		}
		if !reflect.DeepEqual(withoutLines(d2), withoutLines(d)) {
			t.Fatalf("cards differ after a round trip\nwritten:\n%s\n got %#v\nwant %#v", written, withoutLines(d2), withoutLines(d))
		}
		var again bytes.Buffer
		if err := Write(&again, d2); err != nil || again.String() != written {
			t.Fatalf("second Write differs (%v):\n%s", err, again.String())
		}
	})
}
