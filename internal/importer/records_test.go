package importer

import (
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
		{line: 3, fields: []string{"multi\nline", "after"}, quoted0: true},
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
