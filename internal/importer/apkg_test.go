package importer

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"recall/internal/deck"
)

func cardsByID(t testing.TB, res *Result) map[string]deck.Card {
	t.Helper()
	m := map[string]deck.Card{}
	for _, c := range res.Cards() {
		if _, dup := m[c.ID]; dup {
			t.Fatalf("card id %s twice", c.ID)
		}
		m[c.ID] = c
	}
	return m
}

func TestReadPackageEveryVariantGivesTheSameCards(t *testing.T) {
	var first map[string]deck.Card
	for _, tc := range []struct {
		name    string
		variant int
		schema  int
	}{
		{"legacy1 schema 11", ankiLegacy1, 11},
		{"legacy2 schema 11", ankiLegacy2, 11},
		{"latest schema 18", ankiLatest, 18},
		{"legacy2 schema 18", ankiLegacy2, 18},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := buildPackage(t, tc.variant, sampleCollection(tc.schema), nil)
			res, err := Read(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Format != FormatAPKG {
				t.Errorf("format %s", res.Format)
			}
			got := cardsByID(t, res)
			for _, c := range got {
				if strings.Contains(c.Front, "Please update") {
					t.Fatalf("read the dummy collection.anki2: %q", c.Front)
				}
			}
			if first == nil {
				first = got
				return
			}
			if !reflect.DeepEqual(got, first) {
				t.Errorf("cards differ from the first variant:\n%v\n%v", got, first)
			}
		})
	}
}

func TestReadPackageMapsNoteTypesToCardTypes(t *testing.T) {
	res, err := Read(buildPackage(t, ankiLegacy1, sampleCollection(11), nil), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := cardsByID(t, res)
	want := map[string]deck.Card{
		"bAs1c": {Deck: "Languages::French", Type: deck.Basic, Front: "Capital of **France**?",
			Back: "Paris & [image: paris&co.jpg]", Tags: []string{"geo", "europe::capitals"}},
		"r3v":   {Deck: "Languages::French", Type: deck.Reversed, Ord: 1, Front: "chien", Back: "dog"},
		"r3v/2": {Deck: "Languages::French", Type: deck.Reversed, Ord: 2, Front: "chien", Back: "dog"},
		"cl0ze": {Deck: "Languages", Type: deck.Cloze, Ord: 1, Front: "{{c1::Canberra}} is the capital of {{c2::Australia::country}}",
			Back: "extra *info*"},
		"cl0ze/2": {Deck: "Languages", Type: deck.Cloze, Ord: 2, Front: "{{c1::Canberra}} is the capital of {{c2::Australia::country}}",
			Back: "extra *info*"},
		// A card in a filtered deck belongs to its home deck.
		"typ": {Deck: "Languages", Type: deck.Typed, Front: "2+2", Back: "4"},
		// Other note types are rendered through their templates.
		// Anki's built-in Default deck takes the file's name.
		"voc": {Deck: "deck", Type: deck.Basic, Front: "maison", Back: "house (no example) [deck]"},
		// Nested and multi-number deletions: each card marks only its own.
		"nest":   {Deck: "Languages", Type: deck.Cloze, Ord: 1, Front: "{{c1::Canberra was founded}} in 1913"},
		"nest/2": {Deck: "Languages", Type: deck.Cloze, Ord: 2, Front: "Canberra was {{c2::founded}} in 1913"},
		"nest/3": {Deck: "Languages", Type: deck.Cloze, Ord: 3, Front: "Canberra was founded in {{c3::1913}}"},
		"nest/4": {Deck: "Languages", Type: deck.Cloze, Ord: 4, Front: "Canberra was founded in {{c4::1913}}"},
	}
	for id, w := range want {
		w.ID = id
		c, ok := got[id]
		if !ok {
			t.Errorf("no card %s", id)
			continue
		}
		if !reflect.DeepEqual(c, w) {
			t.Errorf("card %s:\n got %+v\nwant %+v", id, c, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d cards, want %d", len(got), len(want))
	}
	if len(res.Skipped) != 1 || !strings.Contains(res.Skipped[0].Message, "note empty") || !strings.Contains(res.Skipped[0].Message, "empty front") {
		t.Errorf("skipped = %v, want the empty note", res.Skipped)
	}
	var names []string
	for _, d := range res.Decks {
		names = append(names, d.Name)
	}
	if !reflect.DeepEqual(names, []string{"Languages::French", "Languages", "deck"}) {
		t.Errorf("decks %v", names)
	}
}

func TestReadPackageTwiceGivesIdenticalCards(t *testing.T) {
	path := buildPackage(t, ankiLatest, sampleCollection(18), nil)
	a, err := Read(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Read(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Decks, b.Decks) {
		t.Error("two reads differ")
	}
}

func TestReadPackageDeckOverride(t *testing.T) {
	res, err := Read(buildPackage(t, ankiLegacy1, sampleCollection(11), nil), Options{Deck: "Mine"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Decks) != 1 || res.Decks[0].Name != "Mine" {
		t.Fatalf("decks %v", res.Decks)
	}
	for _, c := range res.Cards() {
		if c.Deck != "Mine" {
			t.Errorf("card %s in %q", c.ID, c.Deck)
		}
	}
}

func TestReadPackageExtractsMediaAndRefusesUnsafeNames(t *testing.T) {
	for _, variant := range []int{ankiLegacy1, ankiLatest} {
		c := sampleCollection(11)
		if variant == ankiLatest {
			c = sampleCollection(18)
		}
		media := [][2]string{{"paris&co.jpg", "JPEG"}, {"../../evil.sh", "rm -rf"}, {"/etc/passwd", "x"}, {"sub/dir.png", "x"}, {"Cafe\u0301.mp3", "ID3"}}
		path := buildPackage(t, variant, c, media)
		dir := filepath.Join(t.TempDir(), "media")
		res, err := Read(path, Options{MediaDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, "paris&co.jpg"))
		if err != nil || string(b) != "JPEG" {
			t.Errorf("variant %d: paris&co.jpg = %q, %v", variant, b, err)
		}
		// Names are NFC-normalised before they touch the disk.
		if b, err := os.ReadFile(filepath.Join(dir, "Café.mp3")); err != nil || string(b) != "ID3" {
			t.Errorf("variant %d: NFC name: %q, %v", variant, b, err)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 2 || len(res.Media) != 2 {
			t.Errorf("variant %d: wrote %v (reported %v), want only the two safe files", variant, entries, res.Media)
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "evil.sh")); err == nil {
			t.Error("an unsafe media name escaped the media folder")
		}
		if !containsWarning(res, "unsafe names") {
			t.Errorf("variant %d: no warning about unsafe names: %v", variant, res.Warnings)
		}
	}
}

func TestReadPackageWarnsAboutMissingMedia(t *testing.T) {
	res, err := Read(buildPackage(t, ankiLegacy1, sampleCollection(11), nil), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !containsWarning(res, "paris&co.jpg") {
		t.Errorf("no warning about the missing image: %v", res.Warnings)
	}
}

func containsWarning(res *Result, s string) bool {
	for _, w := range res.Warnings {
		if strings.Contains(w.Error(), s) {
			return true
		}
	}
	return false
}

func TestReadPackageRefusesUnsafeMemberNames(t *testing.T) {
	for _, name := range []string{"../x", "/abs", "a/../../b", `C:\x`, `..\x`} {
		path := writeZip(t, filepath.Join(t.TempDir(), "bad.apkg"), []member{
			{"collection.anki2", sampleCollection(11).bytes(t)}, {name, []byte("x")}})
		_, err := Read(path, Options{})
		if err == nil || !strings.Contains(err.Error(), "unsafe path") {
			t.Errorf("member %q: err = %v", name, err)
		}
	}
}

func TestReadPackageCapsExpansion(t *testing.T) {
	coll := sampleCollection(18).bytes(t)
	big := strings.Repeat("A", 1<<20)
	t.Run("entry count", func(t *testing.T) {
		ms := []member{{"collection.anki2", coll}}
		for i := 0; i < 20; i++ {
			ms = append(ms, member{"m" + string(rune('a'+i)), nil})
		}
		path := writeZip(t, filepath.Join(t.TempDir(), "many.apkg"), ms)
		_, err := readFile(path, Options{}, limits{entries: 10, total: 1 << 30, perEntry: 1 << 30})
		if err == nil || !strings.Contains(err.Error(), "members") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("zstd member", func(t *testing.T) {
		// A small zstd frame that expands past the per-entry cap.
		path := writeZip(t, filepath.Join(t.TempDir(), "bomb.apkg"), []member{
			{"meta", []byte{8, 3}}, {"collection.anki21b", zstdBytes(t, []byte(big))}})
		_, err := readFile(path, Options{}, limits{entries: 10, total: 1 << 30, perEntry: 64 << 10})
		if err == nil || !strings.Contains(err.Error(), "expands to more than") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("total", func(t *testing.T) {
		ms := []member{{"collection.anki2", coll}, {"media", []byte(`{"0":"a.bin","1":"b.bin"}`)},
			{"0", []byte(big)}, {"1", []byte(big)}}
		path := writeZip(t, filepath.Join(t.TempDir(), "total.apkg"), ms)
		_, err := readFile(path, Options{MediaDir: t.TempDir()}, limits{entries: 10, total: int64(len(coll)) + 3<<19, perEntry: 1 << 30})
		if err == nil || !strings.Contains(err.Error(), "archive expands") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestReadPackageFromNewerAnkiFails(t *testing.T) {
	path := writeZip(t, filepath.Join(t.TempDir(), "new.apkg"), []member{{"meta", []byte{0x08, 0x04}}, {"collection.anki21b", nil}})
	_, err := Read(path, Options{})
	if err == nil || !strings.Contains(err.Error(), "newer Anki") {
		t.Errorf("err = %v", err)
	}
	c := sampleCollection(18)
	c.ver = 19
	_, err = Read(buildPackage(t, ankiLatest, c, nil), Options{})
	if err == nil || !strings.Contains(err.Error(), "newer Anki") {
		t.Errorf("schema 19: err = %v", err)
	}
}

func TestReadPackageCorruptZip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.apkg")
	os.WriteFile(path, []byte("PK\x03\x04 this is not really a zip"), 0o644)
	_, err := Read(path, Options{})
	if err == nil || !strings.Contains(err.Error(), "x.apkg") {
		t.Errorf("err = %v", err)
	}
}

func TestReadBareCollection(t *testing.T) {
	path := filepath.Join(t.TempDir(), "collection.anki2")
	sampleCollection(18).build(t, path)
	before, _ := os.ReadDir(filepath.Dir(path))
	res, err := Read(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != FormatAnki2 || len(res.Cards()) != 11 {
		t.Errorf("format %s, %d cards", res.Format, len(res.Cards()))
	}
	after, _ := os.ReadDir(filepath.Dir(path))
	if len(after) != len(before) {
		t.Errorf("reading left files beside the collection: %v", after)
	}
}

// historyCollection has one card per history shape of FORMATS §2.4.
func historyCollection(schedVer int) fxCollection {
	c := fxCollection{schema: 11, schedVer: schedVer, notetypes: []fxNotetype{fxBasic}, decks: map[int64]string{1: "Default"}}
	for i, g := range []string{"full", "relearned", "reset", "pruned", "cram"} {
		c.notes = append(c.notes, fxNote{id: int64(100 + i), guid: g, mid: fxBasic.id, fields: []string{g, "x"},
			cards: []fxCard{{id: int64(1000 + i), did: 1}}})
	}
	day := int64(86_400_000)
	t0 := int64(1_700_000_000_000)
	c.revlog = []fxRev{ // ids offset by card so they stay unique
		// full: learning run (Again, Good), a review, a set-due-date row.
		{id: t0, cid: 1000, ease: 1, typ: 0, ms: 5000},
		{id: t0 + 600_000, cid: 1000, ease: 2, typ: 0, ms: 3000},
		{id: t0 + 2*day, cid: 1000, ease: 3, typ: 1, factor: 2500, ms: 2000},
		{id: t0 + 3*day, cid: 1000, ease: 0, typ: 4, factor: 2500},
		// relearned without a logged reset: an old life, then a new learning run.
		{id: t0, cid: 1001, ease: 3, typ: 0},
		{id: t0 + day, cid: 1001, ease: 3, typ: 1, factor: 2500},
		{id: t0 + 9*day, cid: 1001, ease: 2, typ: 0},
		{id: t0 + 10*day, cid: 1001, ease: 3, typ: 1, factor: 2500},
		// reset ("Forget"): nothing graded after it, so the card is new.
		{id: t0, cid: 1002, ease: 3, typ: 0},
		{id: t0 + day, cid: 1002, ease: 0, typ: 4, factor: 0},
		// pruned: reviews only, no learning run.
		{id: t0 + 5*day, cid: 1003, ease: 3, typ: 1, factor: 2500},
		{id: t0 + 9*day, cid: 1003, ease: 1, typ: 1, factor: 2500},
		// cram row (filtered deck, no rescheduling) is dropped; an early review kept.
		{id: t0, cid: 1004, ease: 2, typ: 0},
		{id: t0 + day, cid: 1004, ease: 3, typ: 3, factor: 0},
		{id: t0 + 2*day, cid: 1004, ease: 4, typ: 3, factor: 2500},
	}
	for i := range c.revlog {
		c.revlog[i].id += c.revlog[i].cid - 1000
	}
	return c
}

func TestReadPackageHistoryFollowsAnkiRules(t *testing.T) {
	path := buildPackage(t, ankiLegacy1, historyCollection(2), nil)
	res, err := Read(path, Options{WithHistory: true})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]int{}
	for _, r := range res.Reviews {
		got[r.CardID] = append(got[r.CardID], r.Rating)
	}
	want := map[string][]int{"full": {1, 2, 3}, "relearned": {2, 3}, "pruned": {3, 1}, "cram": {2, 4}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ratings %v, want %v", got, want)
	}
	if r := res.Reviews[0]; r.CardID != "full" || r.Time.UnixMilli() != 1_700_000_000_000 || r.Duration.Milliseconds() != 5000 {
		t.Errorf("first review %+v", r)
	}
	if !containsWarning(res, "history incomplete for 1 card") {
		t.Errorf("warnings %v", res.Warnings)
	}
	res, err = Read(path, Options{})
	if err != nil || len(res.Reviews) != 0 {
		t.Errorf("without WithHistory: %d reviews, %v", len(res.Reviews), err)
	}
}

func TestReadPackageHistoryUpgradesV1Buttons(t *testing.T) {
	res, err := Read(buildPackage(t, ankiLegacy1, historyCollection(0), nil), Options{WithHistory: true})
	if err != nil {
		t.Fatal(err)
	}
	var full []int
	for _, r := range res.Reviews {
		if r.CardID == "full" {
			full = append(full, r.Rating)
		}
	}
	// Learning Good (2) becomes 3; review rows keep their ease.
	if !reflect.DeepEqual(full, []int{1, 3, 3}) {
		t.Errorf("ratings %v", full)
	}
}

func TestReadPackageSchema18History(t *testing.T) {
	c := historyCollection(2)
	c.schema = 18
	res, err := Read(buildPackage(t, ankiLatest, c, nil), Options{WithHistory: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Reviews) != 9 {
		t.Errorf("%d reviews, want 9", len(res.Reviews))
	}
}

func TestReadPackageUnknownNoteTypeAndFieldMismatch(t *testing.T) {
	c := fxCollection{schema: 11, schedVer: 2, notetypes: []fxNotetype{fxBasic}, decks: map[int64]string{1: "Default"},
		notes: []fxNote{
			{id: 1, guid: "g1", mid: 999, fields: []string{"a", "b"}, cards: []fxCard{{id: 1, did: 1}}},
			{id: 2, guid: "g2", mid: fxBasic.id, fields: []string{"only front"}, cards: []fxCard{{id: 2, did: 1}}},
			{id: 3, guid: "g3", mid: fxBasic.id, fields: []string{"a", "b", "c"}, cards: []fxCard{{id: 3, did: 77}}},
		}}
	res, err := Read(buildPackage(t, ankiLegacy1, c, nil), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Message, "note g1") {
		t.Errorf("errors %v", res.Errors)
	}
	got := cardsByID(t, res)
	if got["g2"].Front != "only front" || got["g2"].Back != "" || got["g3"].Back != "b" || got["g3"].Deck != "deck" {
		t.Errorf("cards %v", got)
	}
	if !containsWarning(res, "2 notes have a different number of fields") {
		t.Errorf("warnings %v", res.Warnings)
	}
}

const samples = "../../../shared/data/formats/"

func sample(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(samples, name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("sample %s not available (%v); it ships with the specs in shared/data/formats", name, err)
	}
	return p
}

func TestSampleUpdate1ImportsHelloWorldWithGUID(t *testing.T) {
	path := sample(t, "anki_update1.apkg")
	a, err := Read(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []deck.Card{{ID: "cU1%zNUzk1", Deck: "anki_update1", Type: deck.Basic, Front: "hello", Back: "world"}}
	if !reflect.DeepEqual(a.Cards(), want) {
		t.Errorf("cards %+v", a.Cards())
	}
	b, err := Read(path, Options{})
	if err != nil || !reflect.DeepEqual(a, b) {
		t.Errorf("second import differs: %v", err)
	}
}

func TestSampleDiffModelsLooksUpNoteTypeByID(t *testing.T) {
	res, err := Read(sample(t, "anki_diffmodels2-1.apkg"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	cards := res.Cards()
	if len(cards) != 1 || cards[0].Front != "front" || cards[0].Back != "back" || cards[0].Type != deck.Basic {
		t.Errorf("cards %+v", cards)
	}
}

func TestSampleMediaPackage(t *testing.T) {
	dir := t.TempDir()
	res, err := Read(sample(t, "anki_media.apkg"), Options{MediaDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	cards := res.Cards()
	if len(cards) != 1 || cards[0].Front != "[audio: foo.wav]" {
		t.Errorf("cards %+v", cards)
	}
	b, err := os.ReadFile(filepath.Join(dir, "foo.wav"))
	if err != nil || len(b) != 4 {
		t.Errorf("foo.wav: %d bytes, %v", len(b), err)
	}
}
