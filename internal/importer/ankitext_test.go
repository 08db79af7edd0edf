package importer

import (
	"reflect"
	"strings"
	"testing"

	"recall/internal/deck"
)

func TestSampleAnkiTextReportsDuplicateAndRaggedRowsWithLines(t *testing.T) {
	res, err := Read(sample(t, "anki_text-2fields.txt"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != FormatAnkiText {
		t.Errorf("format %s", res.Format)
	}
	if want := []string{"食べる", "飲む", "テスト", "to eat", "多すぎる", "遊ぶ"}; !reflect.DeepEqual(fronts(res), want) {
		t.Errorf("fronts %v, want %v", fronts(res), want)
	}
	wantSkipped := []LineError{{6, "lines 3 and 6 have the same deck and front", true}, {10, "empty front", false}}
	if !reflect.DeepEqual(res.Skipped, wantSkipped) {
		t.Errorf("skipped %v", res.Skipped)
	}
	if len(res.Errors) != 1 || res.Errors[0].Line != 8 || !strings.Contains(res.Errors[0].Message, "1 field, expected 2") {
		t.Errorf("errors %v", res.Errors)
	}
	if !containsWarning(res, "line 7: 3 fields, expected 2") {
		t.Errorf("warnings %v", res.Warnings)
	}
}

func TestReadAnkiTextHeaders(t *testing.T) {
	content := "#separator:Semicolon,,\n" +
		"#html:true\n" +
		"# a comment line\n" +
		"#tags:imported\n" +
		"#deck:Lang::FR\n" +
		"#guid column:1\n" +
		"#notetype column:2\n" +
		"#tags column:5\n" +
		"g1;Basic;<b>chat</b>;\"cat&nbsp;&lt;3\";animal\n" +
		"g2;Cloze;{{c1::Paris}} is {{c2::French}}<br>city;extra;\n" +
		"g3;Basic (and reversed card);chien;dog;\n" +
		"#body;Basic;hash;row;\n"
	res, err := Read(writeFile(t, "notes.txt", content), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := res.Cards()
	want := []deck.Card{
		{ID: "g1", Type: deck.Basic, Front: "**chat**", Back: "cat <3", Tags: []string{"imported", "animal"}, Line: 9},
		{ID: "g2", Type: deck.Cloze, Ord: 1, Front: "{{c1::Paris}} is {{c2::French}}\ncity", Back: "extra", Tags: []string{"imported"}, Line: 10},
		{ID: "g2/2", Type: deck.Cloze, Ord: 2, Front: "{{c1::Paris}} is {{c2::French}}\ncity", Back: "extra", Tags: []string{"imported"}, Line: 10},
		{ID: "g3", Type: deck.Reversed, Ord: 1, Front: "chien", Back: "dog", Tags: []string{"imported"}, Line: 11},
		{ID: "g3/2", Type: deck.Reversed, Ord: 2, Front: "chien", Back: "dog", Tags: []string{"imported"}, Line: 11},
		{ID: "#body", Type: deck.Basic, Front: "hash", Back: "row", Tags: []string{"imported"}, Line: 12},
	}
	if len(got) != len(want) {
		t.Fatalf("cards %+v", got)
	}
	for i := range want {
		want[i].Deck = "Lang::FR"
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("card %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	if !containsWarning(res, "line 12: row starts with \"#\"") {
		t.Errorf("warnings %v", res.Warnings)
	}
}

func TestReadAnkiTextPlainModeKeepsAngleBrackets(t *testing.T) {
	res, err := Read(writeFile(t, "p.txt", "#separator:tab\n#html:false\na &amp; b\tx < y\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c := res.Cards()[0]; c.Front != "a &amp; b" || c.Back != "x < y" {
		t.Errorf("card %+v", c)
	}
}

func TestReadAnkiTextColumnsHeaderNamesTags(t *testing.T) {
	res, err := Read(writeFile(t, "c.txt", "#separator:tab\n#columns:Front\tBack\tTags\nq\ta\tx y\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c := res.Cards()[0]; c.Front != "q" || !reflect.DeepEqual(c.Tags, []string{"x", "y"}) {
		t.Errorf("card %+v", c)
	}
}

func TestReadAnkiTextOldTagsLineAndControls(t *testing.T) {
	res, err := Read(writeFile(t, "old.txt", "tags:a b\nfront\x07\tback\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c := res.Cards()[0]; c.Front != "front" || !reflect.DeepEqual(c.Tags, []string{"a", "b"}) || c.Line != 2 {
		t.Errorf("card %+v", c)
	}
}
