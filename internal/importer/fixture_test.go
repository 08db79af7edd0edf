package importer

import (
	"archive/zip"
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
)

// This file builds Anki collections and packages for the tests, in both
// schemas and all three package variants, so no binary fixtures are needed.

type fxNotetype struct {
	id     int64
	name   string
	cloze  bool
	fields []string
	tmpls  [][3]string // name, qfmt, afmt
}

type fxCard struct {
	id        int64
	did, odid int64
	ord       int
}

type fxNote struct {
	id     int64
	guid   string
	mid    int64
	tags   string
	fields []string
	data   string
	cards  []fxCard
}

type fxRev struct {
	id, cid           int64
	ease, typ, factor int
	ms                int64
}

type fxCollection struct {
	schema    int // 11 or 18
	ver       int // col.ver; 0 = 11 or 18 by schema
	schedVer  int // 0 = not recorded (V1)
	notetypes []fxNotetype
	decks     map[int64]string // names with "::"
	notes     []fxNote
	revlog    []fxRev
}

var (
	fxBasic = fxNotetype{id: 1001, name: "Basic", fields: []string{"Front", "Back"},
		tmpls: [][3]string{{"Card 1", "{{Front}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}"}}}
	fxReversed = fxNotetype{id: 1002, name: "Einfach (mit Rückseite)", fields: []string{"Vorderseite", "Rückseite"},
		tmpls: [][3]string{
			{"Karte 1", "{{Vorderseite}}", "{{FrontSide}}<hr id=answer>{{Rückseite}}"},
			{"Karte 2", "{{Rückseite}}", "{{FrontSide}}<hr id=answer>{{Vorderseite}}"}}}
	fxCloze = fxNotetype{id: 1003, name: "Cloze", cloze: true, fields: []string{"Text", "Back Extra"},
		tmpls: [][3]string{{"Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}"}}}
	fxTyped = fxNotetype{id: 1004, name: "Basic (type in the answer)", fields: []string{"Front", "Back"},
		tmpls: [][3]string{{"Card 1", "{{Front}}\n\n{{type:Back}}", "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}"}}}
	fxCustom = fxNotetype{id: 1005, name: "Vocab", fields: []string{"Word", "Meaning", "Example"},
		tmpls: [][3]string{{"Recognise", "<div class=w>{{Word}}</div>{{#Example}}<i>{{Example}}</i>{{/Example}}",
			"{{FrontSide}}<hr id=answer>{{Meaning}}{{^Example}} (no example){{/Example}} [{{Deck}}]"}}}
)

func (c fxCollection) build(t testing.TB, path string) {
	t.Helper()
	ensureUnicase()
	// Fixtures need no durability; syncing every insert would make tests slow.
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?_pragma=synchronous(0)&_pragma=journal_mode(MEMORY)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
	exec(`CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
		ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
		models text not null, decks text not null, dconf text not null, tags text not null)`)
	exec(`CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
		usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
		flags integer not null, data text not null)`)
	exec(`CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
		mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
		ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
		left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null)`)
	exec(`CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
		ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null)`)
	exec(`CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null)`)
	ver := c.ver
	models, decks, conf := "", "", ""
	if c.schema == 18 {
		if ver == 0 {
			ver = 18
		}
		exec(`CREATE TABLE notetypes (id integer not null primary key, name text not null COLLATE unicase,
			mtime_secs integer not null, usn integer not null, config blob not null)`)
		exec(`CREATE TABLE fields (ntid integer not null, ord integer not null, name text not null COLLATE unicase,
			config blob not null, PRIMARY KEY (ntid, ord)) without rowid`)
		exec(`CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid)`)
		exec(`CREATE TABLE templates (ntid integer not null, ord integer not null, name text not null COLLATE unicase,
			mtime_secs integer not null, usn integer not null, config blob not null, PRIMARY KEY (ntid, ord)) without rowid`)
		exec(`CREATE TABLE decks (id integer primary key not null, name text not null COLLATE unicase,
			mtime_secs integer not null, usn integer not null, common blob not null, kind blob not null)`)
		exec(`CREATE TABLE config (KEY text not null, usn integer not null, mtime_secs integer not null,
			val blob not null, PRIMARY KEY (KEY)) without rowid`)
		exec(`CREATE TABLE tags (tag text not null primary key COLLATE unicase, usn integer not null,
			collapsed boolean not null, config blob null) without rowid`)
		for _, nt := range c.notetypes {
			cfg := []byte{}
			if nt.cloze {
				cfg = pbAppendVarint(pbAppendVarint(nil, 1<<3), 1)
			}
			exec(`INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)`, nt.id, nt.name, cfg)
			for i, f := range nt.fields {
				exec(`INSERT INTO fields VALUES (?, ?, ?, x'')`, nt.id, i, f)
			}
			for i, tm := range nt.tmpls {
				cfg := pbAppendBytes(pbAppendBytes(nil, 1, []byte(tm[1])), 2, []byte(tm[2]))
				exec(`INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)`, nt.id, i, tm[0], cfg)
			}
		}
		for id, name := range c.decks {
			exec(`INSERT INTO decks VALUES (?, ?, 0, 0, x'', x'')`, id, strings.ReplaceAll(name, "::", "\x1f"))
		}
		if c.schedVer > 0 {
			exec(`INSERT INTO config VALUES ('schedVer', 0, 0, ?)`, []byte(strconv.Itoa(c.schedVer)))
		}
		exec(`INSERT INTO tags VALUES ('Some::Tag', 0, 0, NULL)`)
	} else {
		if ver == 0 {
			ver = 11
		}
		m := map[string]any{}
		for _, nt := range c.notetypes {
			var flds, tmpls []map[string]any
			for i, f := range nt.fields {
				flds = append(flds, map[string]any{"name": f, "ord": i})
			}
			for i, tm := range nt.tmpls {
				tmpls = append(tmpls, map[string]any{"name": tm[0], "ord": i, "qfmt": tm[1], "afmt": tm[2]})
			}
			typ := 0
			if nt.cloze {
				typ = 1
			}
			m[strconv.FormatInt(nt.id, 10)] = map[string]any{"id": nt.id, "name": nt.name, "type": typ, "flds": flds, "tmpls": tmpls}
		}
		b, _ := json.Marshal(m)
		models = string(b)
		d := map[string]any{}
		for id, name := range c.decks {
			d[strconv.FormatInt(id, 10)] = map[string]any{"id": id, "name": name}
		}
		b, _ = json.Marshal(d)
		decks = string(b)
		if c.schedVer > 0 {
			conf = `{"schedVer": ` + strconv.Itoa(c.schedVer) + `}`
		} else {
			conf = `{}`
		}
	}
	exec(`INSERT INTO col VALUES (1, 0, 0, 0, ?, 0, 0, 0, ?, ?, ?, '{}', '{}')`, ver, conf, models, decks)
	for _, n := range c.notes {
		exec(`INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, '', 0, 0, ?)`, n.id, n.guid, n.mid, n.tags,
			strings.Join(n.fields, "\x1f"), n.data)
		for _, cd := range n.cards {
			exec(`INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?, 0, '')`,
				cd.id, n.id, cd.did, cd.ord, cd.odid)
		}
	}
	for _, r := range c.revlog {
		exec(`INSERT INTO revlog VALUES (?, ?, 0, ?, 0, 0, ?, ?, ?)`, r.id, r.cid, r.ease, r.factor, r.ms, r.typ)
	}
}

// collectionBytes builds a collection and returns its file.
func (c fxCollection) bytes(t testing.TB) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "collection")
	c.build(t, path)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// dummyCollection is what current Anki puts in collection.anki2 beside the
// real collection: one note asking to update Anki.
func dummyCollection() fxCollection {
	return fxCollection{schema: 11, schedVer: 2, notetypes: []fxNotetype{fxBasic}, decks: map[int64]string{1: "Default"},
		notes: []fxNote{{id: 1, guid: "dummy", mid: fxBasic.id, fields: []string{"Please update to the latest Anki version, then import the .colpkg/.apkg file again.", ""},
			cards: []fxCard{{id: 1, did: 1}}}}}
}

func zstdBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	enc, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	return enc.EncodeAll(b, nil)
}

// member is one zip member in order.
type member struct {
	name string
	data []byte
}

func writeZip(t testing.TB, path string, members []member) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range members {
		w, err := zw.Create(m.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(m.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// buildPackage writes c as an .apkg of the given variant, with media files
// (file name → content) stored the way that variant stores them.
func buildPackage(t testing.TB, variant int, c fxCollection, media [][2]string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "deck.apkg")
	var ms []member
	switch variant {
	case ankiLegacy1:
		ms = append(ms, member{"collection.anki2", c.bytes(t)})
	case ankiLegacy2:
		ms = append(ms, member{"collection.anki2", dummyCollection().bytes(t)}, member{"collection.anki21", c.bytes(t)})
	case ankiLatest:
		ms = append(ms, member{"meta", []byte{0x08, 0x03}}, member{"collection.anki2", dummyCollection().bytes(t)},
			member{"collection.anki21b", zstdBytes(t, c.bytes(t))})
	}
	if variant == ankiLatest {
		var list []byte
		for _, m := range media {
			entry := pbAppendBytes(nil, 1, []byte(m[0]))
			entry = pbAppendVarint(pbAppendVarint(entry, 2<<3), uint64(len(m[1])))
			entry = pbAppendBytes(entry, 3, make([]byte, 20))
			list = pbAppendBytes(list, 1, entry)
		}
		ms = append(ms, member{"media", zstdBytes(t, list)})
		for i, m := range media {
			ms = append(ms, member{strconv.Itoa(i), zstdBytes(t, []byte(m[1]))})
		}
	} else {
		mm := map[string]string{}
		for i, m := range media {
			mm[strconv.Itoa(i)] = m[0]
		}
		b, _ := json.Marshal(mm)
		ms = append(ms, member{"media", b})
		for i, m := range media {
			ms = append(ms, member{strconv.Itoa(i), []byte(m[1])})
		}
	}
	return writeZip(t, path, ms)
}

// sampleCollection has one note of each shape, a deck hierarchy, tags and a
// card in a filtered deck.
func sampleCollection(schema int) fxCollection {
	return fxCollection{
		schema: schema, schedVer: 2,
		notetypes: []fxNotetype{fxBasic, fxReversed, fxCloze, fxTyped, fxCustom},
		decks:     map[int64]string{1: "Default", 10: "Languages", 11: "Languages::French", 12: "Filtered"},
		notes: []fxNote{
			{id: 100, guid: "bAs1c", mid: fxBasic.id, tags: " geo europe::capitals ",
				fields: []string{"Capital of <b>France</b>?", "Paris&nbsp;&amp; <img src=\"paris&amp;co.jpg\">"},
				cards:  []fxCard{{id: 1000, did: 11}}},
			{id: 101, guid: "r3v", mid: fxReversed.id, fields: []string{"chien", "dog"},
				cards: []fxCard{{id: 1010, did: 11, ord: 0}, {id: 1011, did: 11, ord: 1}}},
			{id: 102, guid: "cl0ze", mid: fxCloze.id, fields: []string{"{{c1::Canberra}} is the capital of {{c2::Australia::country}}", "extra <i>info</i>"},
				cards: []fxCard{{id: 1020, did: 10, ord: 0}, {id: 1021, did: 10, ord: 1}}},
			{id: 103, guid: "typ", mid: fxTyped.id, fields: []string{"2+2", "4"},
				cards: []fxCard{{id: 1030, did: 12, odid: 10}}},
			{id: 104, guid: "voc", mid: fxCustom.id, fields: []string{"maison", "house", ""},
				cards: []fxCard{{id: 1040, did: 1}}},
			{id: 105, guid: "nest", mid: fxCloze.id, fields: []string{"{{c1::Canberra was {{c2::founded}}}} in {{c3,4::1913}}", ""},
				cards: []fxCard{{id: 1050, did: 10, ord: 0}, {id: 1051, did: 10, ord: 1}, {id: 1052, did: 10, ord: 2}, {id: 1053, did: 10, ord: 3}}},
			{id: 106, guid: "empty", mid: fxBasic.id, fields: []string{"<div><br></div>", "back"},
				cards: []fxCard{{id: 1060, did: 1}}},
		},
	}
}

func pbAppendVarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

// pbAppendBytes appends a length-delimited field.
func pbAppendBytes(b []byte, num int, data []byte) []byte {
	b = pbAppendVarint(b, uint64(num)<<3|2)
	b = pbAppendVarint(b, uint64(len(data)))
	return append(b, data...)
}
