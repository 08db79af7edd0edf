package importer

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func TestDetectByContentThenExtension(t *testing.T) {
	utf16 := string([]byte{0xFF, 0xFE, '#', 0, 's', 0, 'e', 0, 'p', 0, 'a', 0, 'r', 0, 'a', 0, 't', 0, 'o', 0, 'r', 0, ':', 0, 't', 0, 'a', 0, 'b', 0, '\n', 0})
	for _, tc := range []struct {
		name, content string
		want          Format
	}{
		{"anki.txt", "#separator:tab\na\tb\n", FormatAnkiText},
		{"bom.txt", "\xEF\xBB\xBF#html:true\na\tb\n", FormatAnkiText},
		{"utf16.txt", utf16, FormatAnkiText},
		{"comments.txt", "# just a comment\na\tb\n", FormatAnkiText},
		{"old.txt", "tags:x y\na\tb\n", FormatAnkiText},
		{"deck.md", "# Title\n\nQ: one\nA: two\n", FormatMarkdown},
		{"deck.txt", "Q: one\nA: two\n", FormatMarkdown},
		{"readme.md", "# Project\n\nSome prose.\n", FormatMarkdown},
		{"vault.md", "#flashcards\n\nfront::back\n", FormatObsidian},
		{"vault2.md", "---\ntags: flashcards\n---\nThe ==sun== is hot\n", FormatObsidian},
		{"notags.md", "front::back\n", FormatMarkdown},
		{"data.csv", "a,b\nc,d\n", FormatCSV},
		{"data.tsv", "a\tb\n", FormatTSV},
		{"qa.csv", "Q: x,y\nA: z,w\n", FormatCSV},
		{"log.csv", "card_id,review_rating,review_time,review_duration\n", FormatRevlog},
		{"export.json", "{\n  \"format\": \"recall\",\n  \"version\": 1\n}", FormatJSON},
		{"m.xml", "<?xml version=\"1.0\"?>\n<mnemosyne core_version=\"1\" time_of_start=\"1\">", FormatMnemosyneXML},
	} {
		path := writeFile(t, tc.name, tc.content)
		head, _ := readHead(path)
		got, err := Detect(path, head)
		if err != nil || got != tc.want {
			t.Errorf("%s: got %s, %v; want %s", tc.name, got, err, tc.want)
		}
	}
}

func TestDetectBinaryAndZips(t *testing.T) {
	apkg := buildPackage(t, ankiLegacy1, sampleCollection(11), nil)
	colpkg := filepath.Join(t.TempDir(), "all.colpkg")
	b, _ := os.ReadFile(apkg)
	os.WriteFile(colpkg, b, 0o644)
	anki2 := filepath.Join(t.TempDir(), "collection.anki2")
	sampleCollection(11).build(t, anki2)
	for path, want := range map[string]Format{apkg: FormatAPKG, colpkg: FormatColpkg, anki2: FormatAnki2} {
		head, _ := readHead(path)
		if got, err := Detect(path, head); got != want || err != nil {
			t.Errorf("%s: %s, %v", filepath.Base(path), got, err)
		}
	}
	res, err := Read(colpkg, Options{})
	if err != nil || res.Format != FormatColpkg || len(res.Cards()) == 0 {
		t.Errorf("colpkg: %v", err)
	}

	mn := writeZip(t, filepath.Join(t.TempDir(), "x.cards"), []member{{"cards.xml", nil}, {"METADATA", nil}})
	mochi := writeZip(t, filepath.Join(t.TempDir(), "x.mochi"), []member{{"data.json", nil}})
	other := writeZip(t, filepath.Join(t.TempDir(), "x.zip"), []member{{"readme", nil}})
	org := writeFile(t, "x.org", "* Question :drill:\nbody\n")
	for _, p := range []string{mn, mochi, org} {
		_, err := Read(p, Options{})
		var ue *UnsupportedFormatError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), "not supported") {
			t.Errorf("%s: err = %v", filepath.Base(p), err)
		}
	}
	for _, p := range []string{other, writeFile(t, "b.bin", "\x00\x01\x02binary"), writeFile(t, "x.json", `{"a":1}`)} {
		_, err := Read(p, Options{})
		var ue *UnknownFormatError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), filepath.Base(p)) || !strings.Contains(err.Error(), "tried apkg") {
			t.Errorf("%s: err = %v", filepath.Base(p), err)
		}
	}
}

func TestReadDirWalksRecursivelyAndSkipsNonDecks(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, content string) {
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(content), 0o644)
	}
	write("Math.md", "Q: 1+1\nA: 2\n")
	write("README.md", "# About this collection\n")
	write("lang/French.md", "Q: chien\nA: dog\n")
	write("lang/words.csv", "chat,cat\n")
	write("lang/notes.json", `{"other": true}`)
	write(".obsidian/hidden.md", "Q: x\nA: y\n")
	write("bad/broken.md", "Q: never answered\n")
	write("bad/latin.csv", "caf\xe9,x\n")
	write("hashcards.db", "SQLite format 3\x00")
	results, err := ReadDir(dir, Options{})
	var got []string
	for _, r := range results {
		rel, _ := filepath.Rel(dir, r.Path)
		got = append(got, rel)
	}
	sort.Strings(got)
	want := []string{"Math.md", "lang/French.md", "lang/words.csv"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("read %v, want %v", got, want)
	}
	if err == nil || !strings.Contains(err.Error(), "broken.md") || !strings.Contains(err.Error(), "latin.csv") {
		t.Errorf("err = %v", err)
	}
	forced, _ := ReadDir(dir, Options{Format: FormatHashcards})
	if len(forced) != 2 {
		t.Errorf("forced hashcards read %d files", len(forced))
	}
}

func TestReadRefusesAFolder(t *testing.T) {
	if _, err := Read(t.TempDir(), Options{}); err == nil {
		t.Error("no error")
	}
}
