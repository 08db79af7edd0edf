package importer

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"recall/internal/deck"
)

func writeFile(t testing.TB, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func fronts(res *Result) []string {
	var out []string
	for _, c := range res.Cards() {
		out = append(out, c.Front)
	}
	return out
}

func TestReadCSVWithQuotingTrapsBOMAndCRLF(t *testing.T) {
	content := "\xEF\xBB\xBFfront,back,tags\r\n" +
		"\"comma, inside\",plain,a b\r\n" +
		"\"multi\r\nline front\",\"say \"\"hi\"\"\",\"x, y::z\"\r\n" +
		"#not a comment,kept,\r\n" +
		"\"#quoted hash\",fine,\r\n" +
		"\r\n" +
		"lonely\r\n" +
		"extra,fields,t,surplus\r\n" +
		",no front,\r\n"
	res, err := Read(writeFile(t, "deck.csv", content), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != FormatCSV {
		t.Errorf("format %s", res.Format)
	}
	want := []deck.Card{
		{Front: "comma, inside", Back: "plain", Tags: []string{"a", "b"}, Line: 2},
		{Front: "multi\nline front", Back: `say "hi"`, Tags: []string{"x", "y::z"}, Line: 3},
		{Front: "#not a comment", Back: "kept", Line: 5},
		{Front: "#quoted hash", Back: "fine", Line: 6},
		{Front: "extra", Back: "fields", Tags: []string{"t"}, Line: 9},
	}
	got := res.Cards()
	if len(got) != len(want) {
		t.Fatalf("cards %+v", got)
	}
	for i := range want {
		w := want[i]
		w.Deck, w.Type = "deck", deck.Basic
		w.AssignID()
		if !reflect.DeepEqual(got[i], w) {
			t.Errorf("card %d:\n got %+v\nwant %+v", i, got[i], w)
		}
	}
	if len(res.Errors) != 1 || res.Errors[0].Line != 8 {
		t.Errorf("errors %v, want line 8 (one field)", res.Errors)
	}
	if len(res.Skipped) != 1 || res.Skipped[0].Line != 10 || res.Skipped[0].Message != "empty front" {
		t.Errorf("skipped %v", res.Skipped)
	}
	if !containsWarning(res, "line 5: row starts with \"#\"") || containsWarning(res, "line 6:") {
		t.Errorf("warnings %v", res.Warnings)
	}
	if !containsWarning(res, "line 9: 4 fields, expected 3") {
		t.Errorf("warnings %v", res.Warnings)
	}
}

func TestReadCSVReportsDuplicatesWithBothLines(t *testing.T) {
	res, err := Read(writeFile(t, "d.csv", "chien;dog\nchat;cat\nChien ;hound\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fronts(res), []string{"chien", "chat"}) {
		t.Errorf("fronts %v", fronts(res))
	}
	if len(res.Skipped) != 1 || res.Skipped[0].Line != 3 || !strings.Contains(res.Skipped[0].Message, "lines 1 and 3") {
		t.Errorf("skipped %v", res.Skipped)
	}
}

func TestReadCSVOverrides(t *testing.T) {
	path := writeFile(t, "o.txt", "Word|Meaning\nHund|dog\n")
	no := false
	res, err := Read(path, Options{Header: &no, Deck: "German"})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fronts(res), []string{"Word", "Hund"}) || res.Decks[0].Name != "German" {
		t.Errorf("no header: %v in %v", fronts(res), res.Decks[0].Name)
	}
	yes := true
	res, err = Read(writeFile(t, "p.txt", "a:b\nc:d\n"), Options{Header: &yes, Delimiter: ':', Format: FormatCSV})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fronts(res), []string{"c"}) {
		t.Errorf("delimiter override: %v", fronts(res))
	}
}

func TestReadCSVColumnsByHeaderNames(t *testing.T) {
	content := "Deck,Tags,Answer,Question,Extra,Type\n" +
		"Geo,europe,Paris,Capital of France?,in Île-de-France,\n" +
		"Geo,,,\"{{c1::Rome}} is in {{c2::Italy}}\",ancient,\n" +
		"Lang,,dog,chien,,reversed\n"
	res, err := Read(writeFile(t, "h.csv", content), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := res.Cards()
	if len(got) != 5 {
		t.Fatalf("cards %+v", got)
	}
	if c := got[0]; c.Deck != "Geo" || c.Front != "Capital of France?" || c.Back != "Paris\n\nin Île-de-France" || !reflect.DeepEqual(c.Tags, []string{"europe"}) {
		t.Errorf("basic %+v", c)
	}
	if c := got[2]; c.Type != deck.Cloze || c.Ord != 2 || c.Back != "ancient" {
		t.Errorf("cloze %+v", c)
	}
	if c := got[4]; c.Type != deck.Reversed || c.Ord != 2 || c.Deck != "Lang" {
		t.Errorf("reversed %+v", c)
	}
}

func TestReadCSVUnknownTextFailsNamingFormats(t *testing.T) {
	path := writeFile(t, "notes.txt", "just a line\nanother line\n")
	_, err := Read(path, Options{})
	var ue *UnknownFormatError
	if err == nil || !strings.Contains(err.Error(), "notes.txt") || !strings.Contains(err.Error(), "--format") {
		t.Fatalf("err = %v", err)
	}
	if !asUnknown(err, &ue) || len(ue.Tried) == 0 {
		t.Errorf("not an UnknownFormatError: %T", err)
	}
}

func asUnknown(err error, target **UnknownFormatError) bool {
	for err != nil {
		if ue, ok := err.(*UnknownFormatError); ok {
			*target = ue
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

func TestReadCSVTwiceIsIdentical(t *testing.T) {
	path := writeFile(t, "same.tsv", "a\tb\nc\td\n")
	a, err := Read(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Read(path, Options{})
	if !reflect.DeepEqual(a, b) || a.Format != FormatTSV {
		t.Errorf("reads differ or format %s", a.Format)
	}
}

func TestReadCSVInvalidUTF8FailsWithLine(t *testing.T) {
	_, err := Read(writeFile(t, "bad.csv", "a,b\nc\xff,d\n"), Options{})
	if err == nil || !strings.Contains(err.Error(), "bad.csv") || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("err = %v", err)
	}
}
