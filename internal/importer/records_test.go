package importer

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestRecordReaderQuotingTraps(t *testing.T) {
	in := strings.Join([]string{
		`plain,"quoted, with comma"`,
		`"doubled ""quotes""",x`,
		`"multi`,
		`line",after`,
		`bare "quote" inside,y`,
		`"closed"trailing,z`,
		`ragged`,
		`a,b,c,d`,
		`,`,
		`"",""`,
	}, "\n")
	recs, errs := newRecordReader(in, ',', 1).readAll()
	if len(errs) > 0 {
		t.Fatalf("errors %v", errs)
	}
	want := []record{
		{line: 1, fields: []string{"plain", "quoted, with comma"}},
		{line: 2, fields: []string{`doubled "quotes"`, "x"}, quoted0: true},
		{line: 3, fields: []string{"multi\nline", "after"}, quoted0: true,
			spans: []quotedSpan{{open: 3, close: 4, text: "multi\nline"}}},
		{line: 5, fields: []string{`bare "quote" inside`, "y"}},
		{line: 6, fields: []string{"closedtrailing", "z"}, quoted0: true},
		{line: 7, fields: []string{"ragged"}},
		{line: 8, fields: []string{"a", "b", "c", "d"}},
		{line: 9, fields: []string{"", ""}},
		{line: 10, fields: []string{"", ""}, quoted0: true},
	}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("got\n%#v\nwant\n%#v", recs, want)
	}
}

func TestRecordReaderReportsUnclosedQuoteAtItsLineAndRecovers(t *testing.T) {
	in := "a\tb\n\"broken\tc\nd\te\n"
	recs, errs := newRecordReader(in, '\t', 1).readAll()
	if len(errs) != 1 || errs[0].Line != 2 || !strings.Contains(errs[0].Message, "never closed") {
		t.Fatalf("errors %v", errs)
	}
	if len(recs) != 2 || recs[1].line != 3 || recs[1].fields[0] != "d" {
		t.Errorf("records %#v", recs)
	}
}

func TestRecordReaderCapsQuotedFieldSpan(t *testing.T) {
	in := "\"runaway\t" + strings.Repeat("line\n", maxFieldLines+5) + "\"\nlast\trow\n"
	recs, errs := newRecordReader(in, '\t', 1).readAll()
	if len(errs) == 0 || errs[0].Line != 1 || !strings.Contains(errs[0].Message, "stray quote") {
		t.Fatalf("errors %v", errs)
	}
	last := recs[len(recs)-1]
	if last.fields[0] != "last" || last.line != maxFieldLines+7 {
		t.Errorf("last record %#v", last)
	}
}

func TestRecordReaderMultiByteDelimiter(t *testing.T) {
	recs, _ := newRecordReader("a§b§c\n", '§', 1).readAll()
	if len(recs) != 1 || !reflect.DeepEqual(recs[0].fields, []string{"a", "b", "c"}) {
		t.Errorf("%#v", recs)
	}
}

// rowsCSV is n rows "front i,back i" (from 1) with some rows replaced.
func rowsCSV(n int, replace map[int]string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if r, ok := replace[i]; ok {
			b.WriteString(r)
		} else {
			fmt.Fprintf(&b, "front %d,back %d", i, i)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func mergeWarnings(res *Result) []LineError {
	var out []LineError
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "stray quote") {
			out = append(out, w)
		}
	}
	return out
}

func TestStrayQuoteThatSwallowsRowsIsReportedAtItsLine(t *testing.T) {
	for name, tc := range map[string]struct {
		content    string
		open, upto int
	}{
		// The quote closes ten rows later, inside a row of its own.
		"closed by a later quote": {rowsCSV(1000, map[int]string{500: `front 500,"back 500 with ""open quote`,
			510: `front 510,back 510 with "quoted" word`}), 500, 510},
		// Even one swallowed row: text after the closing quote gives it away.
		"one row": {rowsCSV(1000, map[int]string{500: `front 500,"back 500 with ""open quote`,
			501: `front 501,back "501"`}), 500, 501},
		// TAB-separated, rows of three fields.
		"tsv": {"a\tb\tt\nc\t\"d\tt\ne\tf\tt\ng\th\tt\ni\tj\tt\nk\tl\"\tt\nm\tn\tt\n", 2, 6},
		// Long enough to be suspect whatever its lines look like.
		"long": {"q,\"" + strings.Repeat("prose without the delimiter\n", mergeWarnLines+5) + "end\"\nlast,row\n", 1, mergeWarnLines + 6},
	} {
		res, err := Read(writeFile(t, "deck.csv", tc.content), Options{Format: FormatCSV})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ws := mergeWarnings(res)
		if len(ws) != 1 || ws[0].Line != tc.open || !strings.Contains(ws[0].Message, fmt.Sprintf("to line %d", tc.upto)) {
			t.Errorf("%s: warnings %v", name, res.Warnings)
		}
	}
}

func TestLegitimateMultiLineFieldsAreNotReported(t *testing.T) {
	content := "front,back\n" +
		// Prose with commas on several lines.
		"Einstein,\"Born in Ulm, Germany, in 1879.\nMoved to Munich, then Italy.\nDied in Princeton, New Jersey.\"\n" +
		// A list, and a verse with a blank line.
		"Primary colours,\"red\nyellow\nblue\"\n" +
		"Verse,\"Roses are red,\n\nviolets are blue,\nsugar is sweet,\nand so are you,\nso there,\"\n" +
		// A multi-line cloze.
		"\"The {{c1::mitochondrion}}\nis the powerhouse\nof the cell\",\n" +
		// Code whose lines hold the delimiter.
		"Go loop,\"for i := 0; i < n; i++ {\n\tfmt.Println(i, n)\n}\"\n" +
		"plain,row\n"
	res, err := Read(writeFile(t, "deck.csv", content), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ws := mergeWarnings(res); len(ws) > 0 {
		t.Errorf("warnings %v", ws)
	}
	tsv := "#separator:tab\nfront\tback\n\"func f() {\n\treturn 1\n}\"\tcode\n\"a\nb\"\tc\n"
	res, err = Read(writeFile(t, "deck.txt", tsv), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ws := mergeWarnings(res); len(ws) > 0 {
		t.Errorf("TSV: warnings %v", ws)
	}
}

func TestSamplesHaveNoStrayQuoteWarnings(t *testing.T) {
	for _, name := range []string{"anki_text-2fields.txt", "hashcards_example_Math.md", "hashcards_example_Quotes.md",
		"mnemosyne_tsv_2_CRLF_entity.txt", "mnemosyne_excel_import_CR.txt"} {
		res, err := Read(sample(t, name), Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if ws := mergeWarnings(res); len(ws) > 0 {
			t.Errorf("%s: warnings %v", name, ws)
		}
	}
}
