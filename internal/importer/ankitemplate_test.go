package importer

import (
	"strings"
	"testing"

	"recall/internal/deck"
)

func TestRenderTemplate(t *testing.T) {
	nt := &ankiNotetype{name: "Vocab", fields: []string{"Word", "Meaning", "Notes"}}
	rc := &renderContext{nt: nt, fields: []string{"<b>chat</b>", "cat", ""}, tags: "animal", deck: "Lang::French", card: "Card 1"}
	for tmpl, want := range map[string]string{
		"{{Word}}":                 "<b>chat</b>",
		"{{text:Word}} {{ word }}": "chat <b>chat</b>",
		"{{#Notes}}has notes{{/Notes}}{{^Notes}}no notes{{/Notes}}": "no notes",
		"{{#Meaning}}{{#Word}}both{{/Word}}{{/Meaning}}":            "both",
		"{{Tags}}|{{Deck}}|{{Subdeck}}|{{Card}}|{{Type}}":           "animal|Lang::French|French|Card 1|Vocab",
		"{{type:Meaning}}":             "",
		"{{hint:Meaning}} {{Missing}}": "cat ",
		"{{/Stray}}x":                  "x",
	} {
		if got := rc.render(tmpl); got != want {
			t.Errorf("render(%q) = %q, want %q", tmpl, got, want)
		}
	}
	rc.answer = true
	if got := rc.render("{{type:Meaning}}"); got != "cat" {
		t.Errorf("typed answer side = %q", got)
	}
	if got := answerPart("Q<br>A", "Q"); got != "<br>A" {
		t.Errorf("answerPart without rule = %q", got)
	}
	if got := answerPart(`Q<hr id="answer">A`, "Q"); got != "A" {
		t.Errorf("answerPart = %q", got)
	}
}

func TestClassifyRecognisesStockShapesByTemplates(t *testing.T) {
	opt := &ankiNotetype{fields: []string{"Front", "Back", "Add Reverse"}, templates: []ankiTemplate{
		{qfmt: "{{Front}}", afmt: "{{FrontSide}}<hr id=answer>{{Back}}"},
		{qfmt: "{{#Add Reverse}}{{Back}}{{/Add Reverse}}", afmt: "{{FrontSide}}<hr id=answer>{{Front}}"}}}
	opt.classify()
	if !opt.shape.reversed {
		t.Error("optional reversed not recognised")
	}
	styled := &ankiNotetype{fields: []string{"Front", "Back"}, templates: []ankiTemplate{
		{qfmt: "<div class=q>{{Front}}</div>", afmt: "{{FrontSide}}<hr id=answer>{{Back}}"}}}
	styled.classify()
	if styled.shape.simple[0] {
		t.Error("a template with markup is rendered, not taken as a plain field")
	}
	c, msg := ankiCard(styled, []string{"q", "a"}, 0, "", "D")
	if msg != "" || c.Front != "q" || c.Back != "a" || c.Type != deck.Basic {
		t.Errorf("rendered card %+v %q", c, msg)
	}
	if _, msg := ankiCard(styled, []string{"q", "a"}, 3, "", "D"); !strings.Contains(msg, "no template 4") {
		t.Errorf("missing template: %q", msg)
	}
}

func TestAnkiCardIDKeepsTheGUID(t *testing.T) {
	for _, tc := range []struct {
		guid string
		ord  int
		want string
	}{
		{"cU1%zNUzk1", 0, "cU1%zNUzk1"},
		{"cU1%zNUzk1", 1, "cU1%zNUzk1/2"},
		{"a/b", 2, "a/b/3"},
	} {
		got := AnkiCardID(tc.guid, tc.ord)
		if got != tc.want {
			t.Errorf("AnkiCardID(%q, %d) = %q", tc.guid, tc.ord, got)
		}
		if g, o := splitAnkiCardID(got); g != tc.guid || o != tc.ord {
			t.Errorf("split(%q) = %q, %d", got, g, o)
		}
	}
	odd := AnkiCardID("has space\x1b[2J", 0)
	if !strings.HasPrefix(odd, "anki-") || strings.ContainsAny(odd, " \x1b") || odd != AnkiCardID("has space\x1b[2J", 0) {
		t.Errorf("unsafe GUID gave %q", odd)
	}
	if AnkiCardID("Abc", 0) == AnkiCardID("abc", 0) {
		t.Error("GUIDs differing in case collide")
	}
}

func TestAnkiCardToleratesDamagedNotes(t *testing.T) {
	empty := &ankiNotetype{cloze: true}
	empty.classify()
	if _, msg := ankiCard(empty, nil, 0, "", "D"); msg != "empty front" {
		t.Errorf("cloze type without fields: %q", msg)
	}
	basic := &ankiNotetype{fields: []string{"Front", "Back"}, templates: []ankiTemplate{{qfmt: "{{Front}}", afmt: "{{Back}}"}}}
	basic.classify()
	if _, msg := ankiCard(basic, []string{"q", "a"}, -1, "", "D"); !strings.Contains(msg, "invalid") {
		t.Errorf("negative ordinal: %q", msg)
	}
}
